import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, enforceRetention, type RetentionPolicy } from '../../src/core/privacy/retention.js';
import type { Database } from '../../src/db/database.js';
import { createJobs } from '../../src/runtime/jobs.js';
import { aPerson, FixedClock, testCore } from '../support/builders.js';
import { BACKENDS, testDatabase } from '../support/db.js';
import { adminPorts } from '../../src/db/admin-store.js';

const NOW = new Date('2027-06-01T03:41:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const OFF: RetentionPolicy = { outboxDays: 0, engagementDays: 0, scheduleRunDays: 0, auditDays: 0, inactiveMonths: 0, leaverMonths: 0 };

describe.each(BACKENDS)('retention on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase(backend);
  });
  afterAll(async () => db?.close());

  const outbox = (status: 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'CANCELLED', createdAt: Date, sentAt: Date | null = null) =>
    db.prisma.outboxMessage.create({
      data: { idempotencyKey: `t:${randomUUID()}`, kind: 'workshop.reminder', platform: 'SLACK', payload: {}, status, createdAt, sentAt },
    });

  /** Someone with a private dossier, last seen `seenDaysAgo` (null: imported, never in chat). */
  async function withDossier(seenDaysAgo: number | null, createdDaysAgo = 1000) {
    const p = await aPerson(db);
    await db.prisma.person.update({ where: { id: p.id }, data: { createdAt: daysAgo(createdDaysAgo) } });
    await db.prisma.channelIdentity.updateMany({ where: { personId: p.id }, data: { lastSeenAt: seenDaysAgo === null ? null : daysAgo(seenDaysAgo) } });
    const prompt = await db.prisma.prompt.findFirstOrThrow();
    await db.prisma.promptDelivery.create({ data: { personId: p.id, promptId: prompt.id, reason: 'SCHEDULE', sentAt: daysAgo(800) } });
    await db.prisma.reflection.createMany({ data: [{ personId: p.id, text: 'eerste' }, { personId: p.id, text: 'tweede' }] });
    await db.prisma.goal.create({ data: { personId: p.id, text: 'doel' } });
    return p.id;
  }

  const dossierOf = async (personId: string) =>
    [await db.prisma.reflection.count({ where: { personId } }), await db.prisma.goal.count({ where: { personId } }), await db.prisma.promptDelivery.count({ where: { personId } })];

  it('deletes each kind of data past its period, keeps what is younger or still work to do, and audits the counts', async () => {
    if ((await db.prisma.prompt.count()) === 0) await db.prisma.prompt.create({ data: { key: 'r1', theme: 'talent', textNl: 'Vraag?', textEn: 'Question?' } });
    const keep = [
      await outbox('PENDING', daysAgo(200)),
      await outbox('SENDING', daysAgo(200)),
      await outbox('SENT', daysAgo(200), daysAgo(30)),
      await outbox('FAILED', daysAgo(10)),
    ];
    const drop = [await outbox('SENT', daysAgo(200), daysAgo(100)), await outbox('FAILED', daysAgo(91)), await outbox('CANCELLED', daysAgo(300))];
    await db.prisma.engagementEvent.createMany({ data: [{ kind: 'old', occurredAt: daysAgo(366) }, { kind: 'young', occurredAt: daysAgo(364) }] });
    await db.prisma.scheduleRun.createMany({
      data: [
        { job: 'monthly', fireAt: daysAgo(95), runner: 'r' },
        { job: 'monthly', fireAt: daysAgo(64), runner: 'r' },
        { job: 'daily', fireAt: daysAgo(31), runner: 'r' },
        { job: 'daily', fireAt: daysAgo(1), runner: 'r' },
      ],
    });
    await db.prisma.auditLog.createMany({ data: [{ at: daysAgo(731), actor: 'cli', action: 'old' }, { at: daysAgo(700), actor: 'cli', action: 'young' }] });
    const gone = await withDossier(25 * 31);
    const neverSeen = await withDossier(null, 25 * 31);
    const active = await withDossier(20);
    const newcomer = await withDossier(null, 60);

    const report = await enforceRetention(adminPorts(db.prisma), DEFAULT_RETENTION, NOW);
    expect(report).toEqual({ outbox: 3, engagementEvents: 1, scheduleRuns: 2, auditLog: 1, inactivePeople: 2, reflections: 4, goals: 2, promptDeliveries: 2, leaversErased: 0 });
    const ids = (await db.prisma.outboxMessage.findMany({ select: { id: true } })).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(keep.map((r) => r.id)));
    expect(ids.some((id) => drop.some((d) => d.id === id))).toBe(false);
    expect((await db.prisma.engagementEvent.findMany()).map((e) => e.kind)).toEqual(['young']);
    // The newest run of every job stays, however old: the scheduler's catch-up looks for it.
    const runs = await db.prisma.scheduleRun.findMany({ orderBy: { fireAt: 'asc' } });
    expect(runs.map((r) => r.job)).toEqual(['monthly', 'daily']);
    expect(await dossierOf(gone)).toEqual([0, 0, 0]);
    expect(await dossierOf(neverSeen)).toEqual([0, 0, 0]);
    expect(await dossierOf(active)).toEqual([2, 1, 1]);
    expect(await dossierOf(newcomer)).toEqual([2, 1, 1]);
    // The person stays (roles, history); only the private dossier went.
    expect(await db.prisma.person.count({ where: { id: gone, erasedAt: null } })).toBe(1);
    const audit = await db.prisma.auditLog.findMany({ where: { action: { in: ['retention.run', 'young', 'old'] } }, orderBy: { at: 'asc' } });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([['young', 'cli'], ['retention.run', 'system']]);
    expect(audit[1]!.details).toMatchObject({ outbox: 3, inactivePeople: 2, policy: DEFAULT_RETENTION });

    // A second pass finds nothing and leaves no second audit line.
    expect(Object.values(await enforceRetention(adminPorts(db.prisma), DEFAULT_RETENTION, NOW)).every((n) => n === 0)).toBe(true);
    expect(await db.prisma.auditLog.count({ where: { action: 'retention.run' } })).toBe(1);
  });

  it('keeps everything when a rule is 0, and deletes more than one batch when it is not', async () => {
    await db.prisma.$executeRaw`INSERT INTO "EngagementEvent" (kind, "occurredAt") SELECT 'bulk', ${daysAgo(500)}::timestamp FROM generate_series(1, 12001)`;
    const silent = await enforceRetention(adminPorts(db.prisma), OFF, NOW);
    expect(Object.values(silent).every((n) => n === 0)).toBe(true);
    expect(await db.prisma.engagementEvent.count({ where: { kind: 'bulk' } })).toBe(12001);
    const r = await enforceRetention(adminPorts(db.prisma), { ...OFF, engagementDays: 365 }, NOW);
    expect(r.engagementEvents).toBe(12001);
    expect(await db.prisma.engagementEvent.count({ where: { kind: 'bulk' } })).toBe(0);
  });

  it('runs nightly as the housekeeping.retention job with the configured policy', async () => {
    const core = testCore(db, new FixedClock(NOW));
    const job = createJobs(core, db, { ...OFF, auditDays: 200 }).find((j) => j.name === 'housekeeping.retention');
    expect(job?.cron).toBe('41 3 * * *');
    await db.prisma.auditLog.create({ data: { at: daysAgo(201), actor: 'cli', action: 'job-check' } });
    await job!.run(NOW);
    expect(await db.prisma.auditLog.count({ where: { action: 'job-check' } })).toBe(0);
  });
});
