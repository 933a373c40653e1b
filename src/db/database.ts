import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.js';
import { applyMigrations } from './migrate.js';
import { PatientPool } from './patient-pool.js';
import type { SqlSession } from './sql-session.js';

export type Prisma = PrismaClient;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly prisma: PrismaClient;
  /** Applies pending migrations; returns their names. */
  migrate(): Promise<string[]>;
  /** True when the database answers within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export type DatabaseTarget = { url: string } | { dataDir: string } | { pglite: PGlite };

const pgliteSession = (db: PGlite): SqlSession => ({
  async query<T>(sql: string, params?: unknown[]) {
    return (await db.query(sql, params)).rows as T[];
  },
  async exec(sql: string) {
    await db.exec(sql);
  },
});

const pgSession = (client: pg.ClientBase): SqlSession => ({
  async query<T>(sql: string, params?: unknown[]) {
    return (await client.query(sql, params)).rows as T[];
  },
  async exec(sql: string) {
    await client.query(sql);
  },
});

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The PGlite data directory inside DATA_DIR. */
export const pgliteDir = (dataDir: string) => path.join(dataDir, 'pglite');

export async function openDatabase(target: DatabaseTarget, options: { poolSize?: number } = {}): Promise<Database> {
  if ('url' in target) return openPostgres(target.url, options.poolSize ?? 10);
  if ('pglite' in target) return wrapPglite(target.pglite, false);
  const dir = pgliteDir(target.dataDir);
  // PGlite does not create parent directories itself.
  await mkdir(dir, { recursive: true });
  const db = await PGlite.create(dir);
  return wrapPglite(db, true);
}

function wrapPglite(db: PGlite, owned: boolean): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
  return {
    kind: 'pglite',
    prisma,
    migrate: () => applyMigrations(pgliteSession(db)),
    async ping(timeoutMs = 2000) {
      try {
        if (db.closed) return false;
        await withTimeout(db.query('SELECT 1'), timeoutMs);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await prisma.$disconnect();
      if (owned && !db.closed) await db.close();
    },
  };
}

function openPostgres(url: string, poolSize: number): Database {
  // Broken clients are dropped and new connections are waited for through a restart (patient-pool.ts).
  const pool = new PatientPool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 30_000 });
  // An idle client that loses its connection (database restart) must not crash the process.
  pool.on('error', () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: 'postgres',
    prisma,
    async migrate() {
      const client = await pool.connect();
      try {
        return await applyMigrations(pgSession(client));
      } finally {
        client.release();
      }
    },
    async ping(timeoutMs = 2000) {
      try {
        await withTimeout(pool.query('SELECT 1'), timeoutMs);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
