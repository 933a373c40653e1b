import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { isTransientConnectError } from '../../src/db/patient-pool.js';
import { testPostgres } from '../support/db.js';
import { TcpProxy } from '../support/tcp-proxy.js';

/** Ends every other session of the database: to the bot, PostgreSQL restarted. */
async function terminateBackends(url: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const { rows } = await admin.query<{ n: number }>(
    'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  await admin.end();
  return rows[0]!.n;
}

describe('the PostgreSQL pool through restarts and outages', () => {
  let direct: Database & { url: string };
  let proxy: TcpProxy;
  let db: Database;
  beforeAll(async () => {
    direct = await testPostgres(1);
    const server = new URL(inject('pgServerUrl'));
    proxy = await new TcpProxy(server.hostname, Number(server.port || 5432)).start();
    db = await openDatabase({ url: proxy.through(direct.url) }, { poolSize: 4 });
  });
  afterAll(async () => {
    await db?.close();
    await proxy?.stop();
    await direct?.close();
  });

  it('drops connections the database ended and carries on with new ones, by itself', async () => {
    await Promise.all(Array.from({ length: 4 }, () => db.prisma.$queryRaw`SELECT pg_sleep(0.05)::text AS slept`));
    expect(await terminateBackends(direct.url)).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 20; i++) expect(await db.prisma.person.count()).toBeGreaterThanOrEqual(0);
    expect(await db.ping()).toBe(true);
  });

  it('runs a statement again that was running when the server ended its session', async () => {
    // Three statements busy in the database when every session is ended: each is aborted, and run once more.
    // Prisma starts a query when it is awaited: Promise.all sends all three now.
    const busy = Promise.all(Array.from({ length: 3 }, () => db.prisma.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok FROM pg_sleep(3)`));
    const admin = new pg.Client({ connectionString: direct.url });
    await admin.connect();
    const active = async () =>
      (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE '%FROM pg_sleep(3)%' AND pid <> pg_backend_pid()`)).rows[0]!.n;
    for (let i = 0; i < 200 && (await active()) < 3; i++) await new Promise((r) => setTimeout(r, 10));
    await admin.end();
    expect(await terminateBackends(direct.url)).toBeGreaterThanOrEqual(3);
    expect((await busy).map((r) => r[0]!.ok)).toEqual([1, 1, 1]);
  });

  it('waits for a connection while the database is briefly unreachable, instead of failing', async () => {
    await proxy.cut();
    const query = db.prisma.region.count();
    await new Promise((r) => setTimeout(r, 300));
    await proxy.restore();
    await expect(query).resolves.toBeGreaterThanOrEqual(0);
  });

  it('gives up after a few seconds when it stays unreachable, says so in ping, and recovers when it is back', async () => {
    await proxy.cut();
    await expect(db.prisma.region.count()).rejects.toThrow();
    expect(await db.ping(1000)).toBe(false);
    await proxy.restore();
    expect(await db.ping()).toBe(true);
    expect(await db.prisma.region.count()).toBeGreaterThanOrEqual(0);
  });

  it('retries only failures of getting a connection, never wrong credentials or a missing database', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', '57P03', '57P01']) expect(isTransientConnectError({ code }), code).toBe(true);
    for (const code of ['28P01', '3D000', '42P01']) expect(isTransientConnectError({ code }), code).toBe(false);
    expect(isTransientConnectError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransientConnectError(new Error('syntax error'))).toBe(false);
  });
});
