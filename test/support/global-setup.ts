import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/database.js';
import { readMigrations } from '../../src/db/migrate.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL (no database part decided by tests) of the PostgreSQL the suites use. */
    pgServerUrl: string;
    /** Server URL of the embedded PostgreSQL (the bot's default without DATABASE_URL), started for this run. */
    embeddedServerUrl: string;
    /** A migrated database to clone per test file with CREATE DATABASE … TEMPLATE (on both servers). */
    pgTemplate: string;
  }
}

const CACHE = path.resolve('.vliegwiel-test');

async function prepare(serverUrl: string, template: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(
      `PostgreSQL for the tests is not reachable at ${serverUrl} (${(e as Error).message}). ` +
        'Start it, or unset TEST_DATABASE_URL to use an embedded PostgreSQL.',
    );
  }
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const tplDb = await openDatabase({ url: withDatabase(serverUrl, template) }, { poolSize: 1 });
  await tplDb.migrate();
  await tplDb.close();
  return async () => {
    // Test files drop their own databases; stragglers of crashed runs go with the template's prefix.
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'vw_t_%' AND datname LIKE $1`,
      [`%_${process.pid}_%`],
    );
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}

/**
 * Two backends, as the bot has two: the external PostgreSQL (TEST_DATABASE_URL; CI's service) and the embedded
 * server the bot starts without DATABASE_URL, started here by the bot's own code. Without TEST_DATABASE_URL the
 * embedded server stands in for both, so no PostgreSQL test is ever skipped.
 */
export default async function setup(project: TestProject) {
  await mkdir(CACHE, { recursive: true });
  const migrations = await readMigrations();
  const fingerprint = createHash('sha256')
    .update(migrations.map((m) => `${m.name}:${m.checksum}`).join('\n'))
    .digest('hex')
    .slice(0, 12);
  const template = `vw_tpl_${fingerprint}_${process.pid}`;

  const embedded = await startEmbeddedPostgres();
  const serverUrl = process.env.TEST_DATABASE_URL ?? embedded.url;
  const cleanups = [await prepare(embedded.url, template)];
  if (serverUrl !== embedded.url) cleanups.push(await prepare(serverUrl, template));

  project.provide('pgServerUrl', serverUrl);
  project.provide('embeddedServerUrl', embedded.url);
  project.provide('pgTemplate', template);

  return async () => {
    for (const c of cleanups) await c();
    await embedded.stop();
  };
}

export function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}
