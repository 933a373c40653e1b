import { respectsPause } from '../../src/app.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../src/core/ports.js';
import type { Database } from '../../src/db/database.js';
import { enqueueInTx } from '../../src/db/outbox/outbox.js';
import { OutboxStore } from '../../src/db/outbox/outbox-store.js';
import { OutboxWorker, type OutboxWorkerOptions } from '../../src/delivery/outbox-worker.js';
import { ConversationSpacing, RateGate } from '../../src/delivery/pacer.js';
import { createLogger } from '../../src/logger.js';
import { until } from '../broadcasts/support.js';
import { testPostgres } from '../support/db.js';
import { RecordingSender } from '../support/recording-sender.js';

describe('pacing primitives', () => {
  it('a gate gives its burst, then one token per 1/rate, and follows a new rate', () => {
    const g = new RateGate(4, 2, 0);
    expect(g.wait(0)).toBe(0);
    g.take(0);
    g.take(0);
    expect(g.wait(0)).toBe(250);
    expect(g.wait(250)).toBe(0);
    g.take(250);
    g.setRate(2, 250);
    expect(g.wait(250)).toBe(500);
    expect(new RateGate(Infinity, Infinity, 0).wait(0)).toBe(0);
  });

  it('spaces messages per conversation and forgets conversations that are quiet', () => {
    const s = new ConversationSpacing();
    s.take('a', 0, 2);
    expect(s.wait('a', 0)).toBe(500);
    expect(s.wait('b', 0)).toBe(0);
    s.take('a', 100, 2);
    expect(s.wait('a', 100)).toBe(900);
    for (let i = 0; i < 1000; i++) s.take(`p${i}`, 10_000, 1);
    s.take('last', 20_000, 1);
    expect(s.size).toBe(1);
  });
});

const maxInWindow = (times: number[], ms: number) => Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));

describe('outbox pacing on PostgreSQL', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testPostgres(20);
  });
  afterAll(async () => db?.close());

  async function people(n: number, platform: Platform, tenantId: string, tag: string) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const p = await db.prisma.person.create({ data: { name: `${tag}-${i}` } });
      await db.prisma.channelIdentity.create({ data: { platform, tenantId, userId: `${tag}-${i}`, personId: p.id, lastSeenAt: new Date() } });
      ids.push(p.id);
    }
    return ids;
  }
  const enqueue = (ids: string[], tag: string) =>
    db.prisma.$transaction((tx) => enqueueInTx(tx, ids.map((personId, i) => ({ idempotencyKey: `${tag}:${i}`, kind: `test.${tag}`, personId, payload: {} }))));
  const slow = (platform: Platform) => new RecordingSender(platform, async () => (await new Promise((r) => setTimeout(r, 5)), { ok: true }));
  const worker = (senders: RecordingSender[], over: Partial<OutboxWorkerOptions>) =>
    new OutboxWorker(new OutboxStore(db.prisma), async (row) => ({ text: row.kind, blocks: [] }), createLogger('silent'), undefined, {
      senders,
      rates: {},
      concurrency: 4,
      respectsPause,
      pollMs: 20,
      ...over,
    });
  const done = (tag: string) => async () => (await db.prisma.outboxMessage.count({ where: { kind: `test.${tag}`, status: { not: 'SENT' } } })) === 0;

  it('keeps each workspace to its rate without letting a slow one hold up the others', async () => {
    await enqueue(await people(12, 'SLACK', 'T-slow', 'slow'), 'slow');
    await enqueue(await people(100, 'TEAMS', 'tenant-fast', 'fast'), 'fast');
    const slack = slow('SLACK');
    const teams = slow('TEAMS');
    const w = worker([slack, teams], { rates: { SLACK: 4, TEAMS: 200 } });
    const started = Date.now();
    w.start();
    await until(done('fast'));
    const fastDone = Date.now() - started;
    await until(done('slow'));
    const slowDone = Date.now() - started;
    await w.stop();
    // 100 Teams messages at 200/s do not wait for 12 Slack messages at 4/s (about 3 s).
    expect(slowDone).toBeGreaterThanOrEqual(2500);
    expect(fastDone).toBeLessThan(Math.min(2000, slowDone - 700));
    expect(maxInWindow(slack.calls.map((c) => c.at), 1000)).toBeLessThanOrEqual(5);
    // Rows handed back because their workspace was busy were not counted as attempts.
    const attempts = await db.prisma.outboxMessage.findMany({ where: { kind: { in: ['test.slow', 'test.fast'] } }, select: { attempts: true } });
    expect(attempts.every((a) => a.attempts === 1)).toBe(true);
  });

  it('spaces messages to one conversation', async () => {
    // Six messages for one person: one conversation.
    const [one] = await people(1, 'TEAMS', 'tenant-conv', 'conv');
    await enqueue(Array.from({ length: 6 }, () => one!), 'conv');
    const teams = slow('TEAMS');
    const w = worker([teams], { rates: { TEAMS: Infinity }, conversationRates: { TEAMS: 5 } });
    w.start();
    await until(done('conv'));
    await w.stop();
    const at = teams.calls.filter((c) => c.key.startsWith('conv:')).map((c) => c.at).sort((a, b) => a - b);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!, `gap ${i}`).toBeGreaterThanOrEqual(190);
  });

  it('changes earlier messages at their own, slower pace without holding up new ones', async () => {
    const edited = await people(4, 'SLACK', 'T-edit', 'edit');
    await db.prisma.$transaction((tx) =>
      enqueueInTx(tx, edited.map((personId, i) => ({ idempotencyKey: `edit:${i}`, kind: 'test.edit', personId, payload: { edit: { ref: { ts: `${i}` }, mode: 'update', fallback: 'send' } } }))),
    );
    await enqueue(await people(40, 'SLACK', 'T-edit', 'post'), 'post');
    const sender = slow('SLACK');
    const w = worker([sender], { rates: { SLACK: 100 }, editRates: { SLACK: 2 } });
    w.start();
    await until(done('post'));
    const postsDone = Date.now();
    await until(done('edit'));
    await w.stop();
    // RecordingSender cannot edit: the edits fall back to new messages, paced at 2/s with a burst of one.
    const at = sender.calls.filter((c) => c.key.startsWith('edit:')).map((c) => c.at).sort((a, b) => a - b);
    expect(at).toHaveLength(4);
    expect(at[3]! - at[0]!).toBeGreaterThanOrEqual(1400);
    expect(postsDone).toBeLessThan(at[3]!);
  });

  it('splits a workspace’s rate between the workers that send to it', async () => {
    await enqueue(await people(60, 'SLACK', 'T-shared', 'shared'), 'shared');
    const sender = slow('SLACK');
    const a = worker([sender], { rates: { SLACK: 10 } });
    const b = worker([sender], { rates: { SLACK: 10 } });
    const started = Date.now();
    a.start();
    b.start();
    await until(done('shared'));
    const seconds = (Date.now() - started) / 1000;
    await Promise.all([a.stop(), b.stop()]);
    const byWorker = await db.prisma.outboxMessage.groupBy({ by: ['leasedBy'], where: { kind: 'test.shared' }, _count: true });
    expect(byWorker).toHaveLength(2);
    // Two workers at 10/s each would take 3 s; sharing the workspace's 10/s takes about 6.
    expect(60 / seconds).toBeLessThan(12);
  }, 30_000);
});
