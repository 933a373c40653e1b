import { readFile } from 'node:fs/promises';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
const { diffSchemaAgainstMigrations } = await import('./lib/schema-engine.js');
await diffSchemaAgainstMigrations(); // loads wasm
const orig = glue.SchemaEngine.prototype.diff;
glue.SchemaEngine.prototype.diff = async function (p) { const r = await orig.call(this, p); console.log('raw', JSON.stringify(r)); return r; };
console.log(JSON.stringify(await diffSchemaAgainstMigrations()));
