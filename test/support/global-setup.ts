import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/database.js';
import { readMigrations } from '../../src/db/migrate.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL (no database part decided by tests) of the PostgreSQL the suites use. */
    pgServerUrl: string;
    /** A migrated database to clone per test file with CREATE DATABASE … TEMPLATE. */
    pgTemplate: string;
    /** A dump of a migrated PGlite data dir; loading it takes < 1 s instead of a 5 s initdb. */
    pgliteDump: string;
  }
}

const CACHE = path.resolve('.vliegwiel-test');

export default async function setup(project: TestProject) {
  await mkdir(CACHE, { recursive: true });
  const migrations = await readMigrations();
  const fingerprint = createHash('sha256')
    .update(migrations.map((m) => `${m.name}:${m.checksum}`).join('\n'))
    .digest('hex')
    .slice(0, 12);

  // PostgreSQL: the given server (CI, this machine), or a throwaway embedded one. Never skipped.
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres(CACHE);
    serverUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const template = `vw_tpl_${fingerprint}_${process.pid}`;
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

  // PGlite: migrate once per migration set and keep the dump between runs.
  const dumpPath = path.join(CACHE, `pglite-${fingerprint}.tar.gz`);
  if (!existsSync(dumpPath)) {
    const lite = await PGlite.create();
    const db = await openDatabase({ pglite: lite });
    await db.migrate();
    const dump = await lite.dumpDataDir('gzip');
    await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
    await db.close();
    await lite.close();
  }

  project.provide('pgServerUrl', serverUrl);
  project.provide('pgTemplate', template);
  project.provide('pgliteDump', dumpPath);

  return async () => {
    // Test files drop their own databases; stragglers of crashed runs go with the template's prefix.
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'vw_t_%' AND datname LIKE $1`,
      [`%_${process.pid}_%`],
    );
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
    await stopEmbedded?.();
  };
}

export function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}
