import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

// Prisma's CLI insists on a native schema engine for generate/validate/format and downloads one when it is
// missing; machines here cannot reach its download host. The stub lets generate/validate/format run offline
// and makes migrate/db commands fail with a pointer to our own wasm-based scripts. Unset it to get stock Prisma.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL('./scripts/schema-engine-offline.sh', import.meta.url));

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
