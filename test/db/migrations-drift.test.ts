// prisma/schema.prisma and prisma/migrations must describe the same database: a schema change without a migration
// (npm run migration:create -- <name>) fails here. Runs Prisma's schema engine (wasm) against in-memory PGlite.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffSchemaAgainstMigrations, schemaPath } from '../../scripts/lib/schema-engine.js';

// Each diff starts the engine and two PGlite clusters: 2-5 s here, the first in a process more (wasm compile, and
// an initdb when node_modules/.cache has no empty-cluster dump yet).
const ENGINE_TIMEOUT = 60_000;

describe('migrations and schema.prisma', () => {
  const tempDirs: string[] = [];
  afterAll(async () => {
    await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it(
    'agree: replaying prisma/migrations gives the database schema.prisma describes',
    async () => {
      const missing = await diffSchemaAgainstMigrations();
      // On failure the message is the SQL a new migration needs.
      expect(missing, 'schema.prisma has changes without a migration: npm run migration:create -- <name>').toBe('');
    },
    ENGINE_TIMEOUT,
  );

  it(
    'disagree when the schema gains a model that no migration creates (the check can fail)',
    async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'vw-drift-'));
      tempDirs.push(dir);
      const copy = path.join(dir, 'schema.prisma');
      const extra = '\nmodel DriftProbe {\n  id    Int    @id @default(autoincrement())\n  label String\n}\n';
      await writeFile(copy, (await readFile(schemaPath, 'utf8')) + extra);

      const missing = await diffSchemaAgainstMigrations({ schema: { path: copy } });
      expect(missing).toContain('CREATE TABLE "DriftProbe"');
      // Only the new model is missing: the rest of the schema is covered by the migrations.
      expect(missing.match(/CREATE TABLE/g)).toHaveLength(1);
    },
    ENGINE_TIMEOUT,
  );
});
