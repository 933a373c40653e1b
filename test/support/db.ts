import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import type { SqlSession } from '../../src/db/sql-session.js';
import { withDatabase } from './global-setup.js';

/** 'embedded': the PostgreSQL server the bot starts itself; 'postgres': the external one (TEST_DATABASE_URL). */
export type Backend = 'embedded' | 'postgres';
export const BACKENDS: Backend[] = ['embedded', 'postgres'];

const serverOf = (backend: Backend) => inject(backend === 'embedded' ? 'embeddedServerUrl' : 'pgServerUrl');

async function admin<T>(server: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** A fresh, migrated database of its own (cloned from the template) on that backend's server, dropped on close. */
async function cloned(backend: Backend, poolSize: number): Promise<Database & { url: string }> {
  const server = serverOf(backend);
  const name = `vw_t_${randomBytes(4).toString('hex')}_${process.ppid}_${process.pid}`;
  await admin(server, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`));
  const url = withDatabase(server, name);
  const db = await openDatabase({ url }, { poolSize });
  const close = db.close.bind(db);
  return {
    ...db,
    url,
    close: async () => {
      await close();
      await admin(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** A fresh, migrated database on the embedded PostgreSQL server. */
export const testEmbedded = (poolSize = 10) => cloned('embedded', poolSize);

/** A fresh, migrated database on the external PostgreSQL (TEST_DATABASE_URL). */
export const testPostgres = (poolSize = 10) => cloned('postgres', poolSize);

export const testDatabase = (backend: Backend) => cloned(backend, 10);

/** An empty database (no migrations) with a raw SQL session, for the migration runner's own tests. */
export async function emptyDatabase(backend: Backend): Promise<{ session: SqlSession; close(): Promise<void> }> {
  const server = serverOf(backend);
  const name = `vw_t_${randomBytes(4).toString('hex')}_${process.ppid}_${process.pid}`;
  await admin(server, (c) => c.query(`CREATE DATABASE ${name}`));
  const client = new pg.Client({ connectionString: withDatabase(server, name) });
  await client.connect();
  return {
    session: {
      query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
      exec: async (sql: string) => void (await client.query(sql)),
    },
    async close() {
      await client.end();
      await admin(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
