// npm run migration:check
// Fails (exit 1) when prisma/schema.prisma has changes that no migration in prisma/migrations contains, printing
// the SQL a new migration would need; like `prisma migrate diff --from-migrations … --to-schema … --exit-code`.
import { diffSchemaAgainstMigrations } from './lib/schema-engine.js';

const missing = await diffSchemaAgainstMigrations();
if (missing === '') {
  console.log('schema.prisma and migrations agree');
} else {
  console.error('prisma/schema.prisma has changes that no migration contains. Missing SQL:\n');
  console.log(missing.trimEnd());
  console.error('\nCreate a migration for them: npm run migration:create -- <name>');
  process.exitCode = 1;
}
