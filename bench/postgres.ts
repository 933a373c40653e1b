import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.js';
import { startEmbeddedPostgres } from '../test/support/embedded-postgres.js';

/** A scratch, migrated PostgreSQL database for one benchmark: the machine's server, or an embedded one. */
export async function benchDatabase(poolSize: number): Promise<{ db: Database; url: string; dispose(): Promise<void> }> {
  let server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
  let stopEmbedded: (() => Promise<void>) | undefined;
  const probe = new pg.Client({ connectionString: server, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
  } catch {
    const embedded = await startEmbeddedPostgres();
    server = embedded.url;
    stopEmbedded = embedded.stop;
    await probe.end().catch(() => undefined);
  }
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const name = `vw_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  const db = await openDatabase({ url: u.toString() }, { poolSize });
  await db.migrate();
  return {
    db,
    url: u.toString(),
    async dispose() {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      await probe.end().catch(() => undefined);
      await stopEmbedded?.();
    },
  };
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

export const figure = (name: string, value: number, unit: string) =>
  process.stdout.write(`${name}: ${Number.isInteger(value) ? value : value.toFixed(2)} ${unit}\n`);
