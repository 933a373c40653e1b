import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, type RetentionPolicy } from '../../src/core/privacy/retention.js';
import type { Database } from '../../src/db/database.js';
import { createJobs } from '../../src/runtime/jobs.js';
import { aPerson, aWorkshop, FixedClock, testCore } from '../support/builders.js';
import { testDatabase } from '../support/db.js';

const NOW = new Date('2027-06-01T03:41:00Z');
const monthsAgo = (n: number) => {
  const d = new Date(NOW);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d;
};
const ONLY_LEAVERS: RetentionPolicy = { outboxDays: 0, engagementDays: 0, scheduleRunDays: 0, auditDays: 0, inactiveMonths: 0, leaverMonths: DEFAULT_RETENTION.leaverMonths };

describe('leavers are erased after RETENTION_LEAVER_MONTHS by the nightly retention job', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase('postgres');
  });
  afterAll(async () => db?.close());

  it('erases a leaver gone longer than the period through the privacy erasure; keeps recent leavers and people who came back', async () => {
    const p = db.prisma;
    const longGone = await aPerson(db, { name: 'Lang Weg', email: 'lang.weg@x.example', skills: ['snoeien'] });
    await p.person.update({ where: { id: longGone.id }, data: { deactivatedAt: monthsAgo(7), deactivatedBy: 'directory', directoryId: 'entra-1', employeeNumber: 'E1', jobTitle: 'Hovenier' } });
    await p.reflection.create({ data: { personId: longGone.id, text: 'Mijn gedachte' } });
    await p.channelIdentity.create({ data: { platform: 'TEAMS', tenantId: 't', userId: 'entra-1', personId: longGone.id } });
    const w = await aWorkshop(db, { startsAt: new Date('2027-01-10T09:00:00Z') });
    await p.signup.create({ data: { workshopId: w.id, personId: longGone.id, status: 'CONFIRMED', attended: true } });
    await p.outboxMessage.create({ data: { idempotencyKey: 'leaver-waiting', kind: 'workshop.reminder', personId: longGone.id, platform: 'TEAMS', payload: {}, nextAttemptAt: NOW } });

    const recent = await aPerson(db, { name: 'Net Weg', email: 'net.weg@x.example' });
    await p.person.update({ where: { id: recent.id }, data: { deactivatedAt: monthsAgo(2), deactivatedBy: 'import' } });
    // Left two years ago, came back last month: reactivation cleared deactivatedAt, so nothing happens.
    const back = await aPerson(db, { name: 'Weer Terug', email: 'terug@x.example' });
    await p.reflection.create({ data: { personId: back.id, text: 'Blijft staan' } });

    const core = testCore(db, new FixedClock(NOW));
    const job = createJobs(core, db, ONLY_LEAVERS).find((j) => j.name === 'housekeeping.retention')!;
    await job.run(NOW);

    const gone = await p.person.findUniqueOrThrow({ where: { id: longGone.id } });
    expect(gone.erasedAt).not.toBeNull();
    expect(gone).toMatchObject({ name: 'verwijderd', email: null, directoryId: null, employeeNumber: null, jobTitle: null });
    expect(await p.reflection.count({ where: { personId: longGone.id } })).toBe(0);
    expect(await p.personSkill.count({ where: { personId: longGone.id } })).toBe(0);
    expect(await p.channelIdentity.count({ where: { personId: longGone.id } })).toBe(0);
    // Figures keep counting: the past sign-up stays, without the person.
    expect(await p.signup.count({ where: { workshopId: w.id, attended: true, personId: null } })).toBe(1);
    expect((await p.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: 'leaver-waiting' } })).status).toBe('CANCELLED');
    const trail = await p.auditLog.findFirstOrThrow({ where: { action: 'privacy.erase', subject: longGone.id } });
    expect(trail).toMatchObject({ actor: 'system', details: { via: 'retention' } });
    expect(await p.auditLog.findFirst({ where: { action: 'retention.run' }, orderBy: { at: 'desc' } })).toMatchObject({ details: expect.objectContaining({ leaversErased: 1 }) });

    expect((await p.person.findUniqueOrThrow({ where: { id: recent.id } })).erasedAt).toBeNull();
    expect((await p.person.findUniqueOrThrow({ where: { id: back.id } })).erasedAt).toBeNull();
    expect(await p.reflection.count({ where: { personId: back.id } })).toBe(1);

    // Idempotent: a second night erases nobody again.
    await job.run(NOW);
    expect(await p.auditLog.count({ where: { action: 'privacy.erase', subject: longGone.id } })).toBe(1);
  });
});
