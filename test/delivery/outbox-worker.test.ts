import { respectsPause } from '../../src/app.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/core/messages.js';
import type { Database } from '../../src/db/database.js';
import { enqueueInTx } from '../../src/db/outbox/outbox.js';
import { OutboxStore } from '../../src/db/outbox/outbox-store.js';
import { OutboxWorker, type Compose } from '../../src/delivery/outbox-worker.js';
import { createLogger } from '../../src/logger.js';
import { testPostgres } from '../support/db.js';
import { RecordingSender } from '../support/recording-sender.js';

const compose: Compose = async (row, actor) => ({ text: `${row.kind} for ${actor.person.name}`, blocks: [] }) satisfies Message;

async function slackPeople(db: Database, n: number, tag: string) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = await db.prisma.person.create({ data: { name: `${tag}-${i}` } });
    await db.prisma.channelIdentity.create({ data: { platform: 'SLACK', tenantId: 'T1', userId: `U${tag}${i}`, personId: p.id, lastSeenAt: new Date() } });
    ids.push(p.id);
  }
  return ids;
}

const until = async (cond: () => Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 50));
  }
};

const worker = (db: Database, sender: RecordingSender, over: Partial<ConstructorParameters<typeof OutboxWorker>[4]> = {}) =>
  new OutboxWorker(new OutboxStore(db.prisma), compose, createLogger('silent'), undefined, {
    senders: [sender],
    rates: { SLACK: 1000 },
    concurrency: 8,
    respectsPause,
    pollMs: 50,
    ...over,
  });

describe('outbox worker on PostgreSQL', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testPostgres(20);
  });
  afterAll(async () => db?.close());

  it('two workers share the rows and deliver each exactly once', async () => {
    const people = await slackPeople(db, 200, 'share');
    await db.prisma.$transaction((tx) =>
      enqueueInTx(tx, people.map((personId, i) => ({ idempotencyKey: `share:${i}`, kind: 'test.share', personId, payload: {} }))),
    );
    const sender = new RecordingSender('SLACK', async () => {
      await new Promise((r) => setTimeout(r, 2));
      return { ok: true, ref: { ts: 'x' } };
    });
    const a = worker(db, sender);
    const b = worker(db, sender);
    a.start();
    b.start();
    await until(async () => (await db.prisma.outboxMessage.count({ where: { kind: 'test.share', status: 'SENT' } })) === 200);
    await Promise.all([a.stop(), b.stop()]);
    const keys = sender.calls.map((c) => c.key).filter((k) => k.startsWith('share:'));
    expect(keys).toHaveLength(200);
    expect(new Set(keys).size).toBe(200);
    const byWorker = await db.prisma.outboxMessage.groupBy({ by: ['leasedBy'], where: { kind: 'test.share' }, _count: true });
    expect(byWorker).toHaveLength(2);
  });

  it('reclaims rows whose worker died mid-send once the lease has run out', async () => {
    const [personId] = await slackPeople(db, 1, 'lease');
    await db.prisma.$transaction((tx) => enqueueInTx(tx, [{ idempotencyKey: 'lease:1', kind: 'test.lease', personId: personId!, payload: {} }]));
    const store = new OutboxStore(db.prisma);
    const dead = await store.claim('dead-worker', 10, 300, ['SLACK']);
    expect(dead.map((r) => r.idempotencyKey)).toContain('lease:1');
    // Within the lease nobody else may take it.
    expect((await store.claim('other', 10, 300, ['SLACK'])).map((r) => r.idempotencyKey)).not.toContain('lease:1');
    const sender = new RecordingSender('SLACK');
    const w = worker(db, sender);
    w.start();
    await until(async () => (await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: 'lease:1' } })).status === 'SENT');
    await w.stop();
    // The dead worker's late answer changes nothing.
    await store.retry(dead.find((r) => r.idempotencyKey === 'lease:1')!.id, 'dead-worker', 0, 'late');
    const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: 'lease:1' } });
    expect(row.status).toBe('SENT');
    expect(row.attempts).toBe(2);
  });

  it('honours Retry-After for the one throttled row while others go on, and records permanent failures', async () => {
    const people = await slackPeople(db, 3, 'retry');
    await db.prisma.$transaction((tx) =>
      enqueueInTx(tx, people.map((personId, i) => ({ idempotencyKey: `retry:${i}`, kind: 'test.retry', personId, payload: {} }))),
    );
    const sender = new RecordingSender('SLACK', (key, attempt) => {
      if (key === 'retry:0' && attempt === 1) return { ok: false, kind: 'retry', reason: 'ratelimited', retryAfterMs: 1500 };
      if (key === 'retry:2') return { ok: false, kind: 'permanent', reason: 'account_inactive', unreachable: true };
      return { ok: true };
    });
    const w = worker(db, sender);
    w.start();
    await until(async () => (await db.prisma.outboxMessage.count({ where: { kind: 'test.retry', status: { in: ['SENT', 'FAILED'] } } })) === 3);
    await w.stop();
    const calls = (k: string) => sender.calls.filter((c) => c.key === k);
    expect(calls('retry:0')).toHaveLength(2);
    expect(calls('retry:0')[1]!.at - calls('retry:0')[0]!.at).toBeGreaterThanOrEqual(1400);
    // The other row did not wait for the throttled one.
    expect(calls('retry:1')[0]!.at - calls('retry:0')[0]!.at).toBeLessThan(1000);
    const failed = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: 'retry:2' } });
    expect(failed).toMatchObject({ status: 'FAILED', lastError: 'account_inactive' });
    const identity = await db.prisma.channelIdentity.findFirstOrThrow({ where: { personId: people[2]! } });
    expect(identity.unreachableReason).toBe('account_inactive');
  });

  it('holds back pausable messages for paused people and fails rows for people without an identity', async () => {
    const [paused] = await slackPeople(db, 1, 'paused');
    await db.prisma.person.update({ where: { id: paused! }, data: { paused: true } });
    const nobody = await db.prisma.person.create({ data: { name: 'zonder kanaal' } });
    await db.prisma.$transaction((tx) =>
      enqueueInTx(tx, [
        { idempotencyKey: 'pause:reminder', kind: 'workshop.reminder', personId: paused!, payload: {} },
        { idempotencyKey: 'pause:promoted', kind: 'workshop.promoted', personId: paused!, payload: {} },
        { idempotencyKey: 'pause:nobody', kind: 'workshop.promoted', personId: nobody.id, payload: {} },
      ]),
    );
    const sender = new RecordingSender('SLACK');
    const w = worker(db, sender);
    w.start();
    await until(async () => (await db.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: 'pause:' }, status: { in: ['PENDING', 'SENDING'] } } })) === 0);
    await w.stop();
    const status = async (k: string) => (await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: k } })).status;
    expect(await status('pause:reminder')).toBe('CANCELLED');
    expect(await status('pause:promoted')).toBe('SENT');
    expect(await status('pause:nobody')).toBe('FAILED');
  });
});
