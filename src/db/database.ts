import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { openEmbeddedServer, type EmbeddedLog } from './embedded/embedded-server.js';
import type { HolderKind } from './embedded/holder.js';
import { PrismaClient } from '../generated/prisma/client.js';
import { applyMigrations } from './migrate.js';
import { PatientPool } from './patient-pool.js';
import type { SqlSession } from './sql-session.js';

export type Prisma = PrismaClient;

export interface Database {
  /** 'embedded': the PostgreSQL server of DATA_DIR; 'postgres': DATABASE_URL. The same client either way. */
  readonly kind: 'embedded' | 'postgres';
  readonly prisma: PrismaClient;
  /** Applies pending migrations; returns their names. */
  migrate(): Promise<string[]>;
  /** True when the database answers within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** DATABASE_URL, or the embedded server of DATA_DIR used as the bot, the CLI or the console chat. */
export type DatabaseTarget = { url: string } | { dataDir: string; as: HolderKind };

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

export async function openDatabase(target: DatabaseTarget, options: { poolSize?: number; log?: EmbeddedLog } = {}): Promise<Database> {
  if ('url' in target) return openPostgres(target.url, options.poolSize ?? 10, 'postgres');
  const server = await openEmbeddedServer(target.dataDir, target.as, options.log);
  const db = openPostgres(server.url, options.poolSize ?? 10, 'embedded');
  return {
    ...db,
    async close() {
      try {
        await db.close();
      } finally {
        await server.stop();
      }
    },
  };
}

function openPostgres(url: string, poolSize: number, kind: Database['kind']): Database {
  // Broken clients are dropped and new connections are waited for through a restart (patient-pool.ts).
  const pool = new PatientPool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 30_000 });
  // An idle client that loses its connection (database restart) must not crash the process.
  pool.on('error', () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind,
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
