import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { withDatabase } from './global-setup.js';

export type Backend = 'pglite' | 'postgres';
export const BACKENDS: Backend[] = ['pglite', 'postgres'];

/** A fresh, migrated in-memory PGlite. */
export async function testPglite(): Promise<Database> {
  const dump = await readFile(inject('pgliteDump'));
  const lite = await PGlite.create({ loadDataDir: new Blob([dump]) });
  const db = await openDatabase({ pglite: lite });
  const close = db.close.bind(db);
  return { ...db, close: async () => { await close(); await lite.close(); } };
}

/** A fresh, migrated PostgreSQL database of its own (cloned from the template), dropped on close. */
export async function testPostgres(poolSize = 10): Promise<Database & { url: string }> {
  const server = inject('pgServerUrl');
  const name = `vw_t_${randomBytes(4).toString('hex')}_${process.ppid}_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await admin.end();
  const url = withDatabase(server, name);
  const db = await openDatabase({ url }, { poolSize });
  const close = db.close.bind(db);
  return {
    ...db,
    url,
    close: async () => {
      await close();
      const a = new pg.Client({ connectionString: server });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export const testDatabase = (backend: Backend) => (backend === 'pglite' ? testPglite() : testPostgres());
