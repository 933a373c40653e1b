import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { aRegion, broadcastCore, compose, until } from '../broadcasts/support.js';
import { testPostgres } from '../support/db.js';
import { fakeChatApi } from '../support/fake-chat-api.js';
import { runEntry, stopped } from '../support/processes.js';

const RECIPIENTS = 400;

/** Many Slack people in two workspaces, written in one statement each. */
async function slackCrowd(db: Database, n: number) {
  await db.prisma.$executeRaw`
    WITH p AS (INSERT INTO "Person" (id, name, locale, "updatedAt")
               SELECT gen_random_uuid(), 'Collega ' || i, 'nl', now() FROM generate_series(1, ${n}) i RETURNING id, name)
    INSERT INTO "ChannelIdentity" (id, platform, "tenantId", "userId", "personId", "lastSeenAt")
    SELECT gen_random_uuid(), 'SLACK', CASE WHEN random() < 0.5 THEN 'T1' ELSE 'T2' END, 'U' || p.id, p.id, now() FROM p`;
}

describe('two worker processes on one PostgreSQL', () => {
  let db: Database & { url: string };
  beforeAll(async () => {
    db = await testPostgres();
  });
  afterAll(async () => db?.close());

  it('share a broadcast; one killed mid-send loses nothing and duplicates only what it had in flight', async () => {
    const core = broadcastCore(db);
    const region = await aRegion(db, core);
    await slackCrowd(db, RECIPIENTS);
    const hr = await region.actor(region.hr1.id);
    const { id } = await compose(core, hr, {});
    await core.bot.action(hr, { action: 'broadcast.send', value: id });
    const slackRows = await db.prisma.outboxMessage.count({ where: { broadcastId: id, platform: 'SLACK' } });
    expect(slackRows).toBe(RECIPIENTS);

    const api = await fakeChatApi(25);
    const env = (workerId: string) => ({ DATABASE_URL: db.url, FAKE_URL: api.url, WORKER_ID: workerId, LEASE_MS: '3000', CONCURRENCY: '4' });
    const a = runEntry('test/support/outbox-worker-process.ts', [], env('replica-a'));
    const b = runEntry('test/support/outbox-worker-process.ts', [], env('replica-b'));
    try {
      await until(async () => /ready/.test(a.output().stdout) && /ready/.test(b.output().stdout), 60_000);
      await until(async () => api.total >= RECIPIENTS / 4, 60_000);
      a.child.kill('SIGKILL');
      await a.done;
      // What the dead replica held: claimed, perhaps sent, never recorded. Nobody else may touch it for now.
      const orphans = await db.prisma.outboxMessage.findMany({ where: { broadcastId: id, status: 'SENDING', leasedBy: 'replica-a' } });
      expect(orphans.length).toBeGreaterThan(0);

      await until(async () => (await db.prisma.outboxMessage.count({ where: { broadcastId: id, platform: 'SLACK', status: { not: 'SENT' } } })) === 0, 60_000);
      const rows = await db.prisma.outboxMessage.findMany({ where: { broadcastId: id, platform: 'SLACK' } });
      // Every recipient got it at least once …
      for (const r of rows) expect(api.deliveries.get(r.idempotencyKey) ?? 0, r.idempotencyKey).toBeGreaterThanOrEqual(1);
      // … and a second time at most when it was in flight in the killed process.
      const duplicates = [...api.deliveries.values()].reduce((sum, n) => sum + (n - 1), 0);
      expect(duplicates).toBeLessThanOrEqual(orphans.length);
      const twice = [...api.deliveries].filter(([, n]) => n > 1).map(([k]) => k);
      expect(orphans.map((o) => o.idempotencyKey)).toEqual(expect.arrayContaining(twice));
      // Each row was delivered by one of the two, and the survivor finished the dead one's rows.
      expect(new Set(rows.map((r) => r.leasedBy))).toEqual(new Set(['replica-a', 'replica-b']));
      const orphanIds = new Set(orphans.map((o) => o.id));
      expect(rows.filter((r) => orphanIds.has(r.id)).every((r) => r.leasedBy === 'replica-b')).toBe(true);
    } finally {
      for (const p of [a, b]) if (!stopped(p.child)) p.child.kill('SIGTERM');
      await Promise.all([a.done, b.done]);
      await api.close();
    }
    expect(b.child.exitCode).toBe(0);
  }, 120_000);
});
