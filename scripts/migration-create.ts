// npm run migration:create -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql (and migration_lock.toml) from the changes in
// prisma/schema.prisma, like `prisma migrate dev --create-only --name <name>`, without the native engine.
import path from 'node:path';
import { createMigration, migrationSlug, migrationsDir } from './lib/schema-engine.js';

const usage = 'usage: npm run migration:create -- <name>   (e.g. add_goal_due_date)';
const [rawName, ...rest] = process.argv.slice(2);
const name = migrationSlug(rawName ?? '');
if (!name || rest.length > 0) {
  console.error(rawName && !name ? `"${rawName}" has no letters or digits to name a migration with.\n${usage}` : usage);
  process.exit(2);
}

const created = await createMigration(name);
if (created === null) {
  console.log('No schema changes: prisma/schema.prisma already matches the migrations.');
} else {
  console.log(path.relative(process.cwd(), path.join(migrationsDir, created, 'migration.sql')));
}
