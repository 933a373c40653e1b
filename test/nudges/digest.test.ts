import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NudgeService } from '../../src/core/nudges/nudge-service.js';
import type { Database } from '../../src/db/database.js';
import { anOrganization, aWorkshop, FixedClock } from '../support/builders.js';
import { BACKENDS, testDatabase } from '../support/db.js';
import { aCampaign, activity, aMember, DAY, nudgeCore, said } from './support.js';

/** Monday 8 March 2027, 08:00 local: when the weekly digest is planned. */
const DIGEST_AT = new Date('2027-03-08T07:00:00Z');
/** 10:00 local the same Monday: inside everyone's window. */
const READ_AT = new Date('2027-03-08T09:00:00Z');

describe.each(BACKENDS)('team-leader digest and what a manager can learn, on %s', (backend) => {
  let db: Database;
  let leader: { id: string };
  let team: { id: string; name: string }[];
  let smallLeader: { id: string };
  let small: { id: string; name: string }[];
  let pausedLeader: { id: string };

  beforeAll(async () => {
    db = await testDatabase(backend);
    const org = await anOrganization(db);
    leader = await aMember(db, { name: 'Ruud Kooijman', organizationId: org.id, department: 'Buitendienst', roles: ['EMPLOYEE', 'MANAGER'] });
    team = [];
    for (const name of ['Kees', 'Fatima', 'Henk', 'Lotte', 'Sem', 'Iris']) team.push(await aMember(db, { name: `${name} Groen`, organizationId: org.id, department: 'Buitendienst', managerId: leader.id }));
    await activity(db, team[0]!.id, new Date(READ_AT.getTime() - 3 * DAY));
    await activity(db, team[1]!.id, new Date(READ_AT.getTime() - 10 * DAY), 'prompt.answered');
    await activity(db, team[2]!.id, new Date(READ_AT.getTime() - 40 * DAY)); // outside the 4-week window
    smallLeader = await aMember(db, { name: 'Bo Klein', organizationId: org.id, department: 'DIV', roles: ['EMPLOYEE', 'MANAGER'] });
    small = [];
    for (const name of ['Ans', 'Bert', 'Cor', 'Dirk']) small.push(await aMember(db, { name: `${name} Post`, organizationId: org.id, department: 'DIV', managerId: smallLeader.id }));
    pausedLeader = await aMember(db, { organizationId: org.id, paused: true });
    await aMember(db, { organizationId: org.id, managerId: pausedLeader.id });
    for (let i = 0; i < 2; i++) await aWorkshop(db, { startsAt: new Date(READ_AT.getTime() + (3 + i) * DAY) });
  });
  afterAll(async () => db?.close());

  const digestFor = async (managerId: string, at = READ_AT) => {
    const core = nudgeCore(db, { clock: new FixedClock(at) });
    const row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'nudge.digest', personId: managerId }, orderBy: { id: 'asc' } });
    return core.bot.compose('nudge.digest', row.payload as Record<string, unknown>, await core.actor(managerId));
  };

  it('plans one digest per team leader per week, in the leader’s own window', async () => {
    const service = new NudgeService(nudgeCore(db, { clock: new FixedClock(DIGEST_AT) }).ctx);
    expect(await service.planDigests(DIGEST_AT)).toBe(2);
    expect(await service.planDigests(new Date(DIGEST_AT.getTime() + DAY))).toBe(0); // a caught-up fire in the same week
    const rows = await db.prisma.outboxMessage.findMany({ where: { kind: 'nudge.digest' }, orderBy: { nextAttemptAt: 'asc' } });
    expect(rows.map((r) => [r.personId, r.nextAttemptAt.toISOString()])).toEqual([
      [leader.id, '2027-03-08T07:00:00.000Z'], // outdoor team leader: 08:00 is inside 07:00–15:00
      [smallLeader.id, '2027-03-08T08:00:00.000Z'], // office: 09:00
    ]);
    expect(rows.map((r) => r.payload)).toEqual([{ week: '2027-W10' }, { week: '2027-W10' }]);
  });

  it('counts a digest caught up on a Sunday evening for the Monday it arrives, so Monday brings no second one', async () => {
    const sunday = new Date('2027-03-14T19:00:00Z');
    const service = (at: Date) => new NudgeService(nudgeCore(db, { clock: new FixedClock(at) }).ctx);
    expect(await service(sunday).planDigests(sunday)).toBe(2);
    expect(await service(DIGEST_AT).planDigests(new Date(DIGEST_AT.getTime() + 7 * DAY))).toBe(0);
    const rows = await db.prisma.outboxMessage.findMany({ where: { kind: 'nudge.digest', payload: { path: ['week'], equals: '2027-W11' } } });
    expect(rows.map((r) => r.nextAttemptAt.toISOString()).sort()).toEqual(['2027-03-15T06:00:00.000Z', '2027-03-15T08:00:00.000Z']);
  });

  it('shows a team of five or more as a band with a suggestion, never a count of who did something or a name', async () => {
    const msg = await digestFor(leader.id);
    const text = said(msg);
    expect(text).toContain('In je team zitten 6 mensen.');
    expect(text).toContain('Ongeveer de helft van je team'); // 2 of 6 in the last 4 weeks
    expect(text).toContain('Tip voor het werkoverleg');
    expect(text).toContain('De komende 2 weken zijn er 2 workshops voor je team.');
    for (const p of team) expect(text).not.toContain(p.name.split(' ')[0]);
    // One, then two more colleagues doing something: the digest does not change, so it points at nobody.
    await activity(db, team[3]!.id, new Date(READ_AT.getTime() - DAY));
    expect(said(await digestFor(leader.id))).toBe(text);
    await activity(db, team[4]!.id, new Date(READ_AT.getTime() - DAY));
    expect(said(await digestFor(leader.id))).toBe(text);
    await activity(db, team[5]!.id, new Date(READ_AT.getTime() - DAY));
    expect(said(await digestFor(leader.id))).toContain('Een groot deel van je team'); // 5 of 6
  });

  it('shows a team under five no figures at all, whatever its members did', async () => {
    const before = said(await digestFor(smallLeader.id));
    expect(before).toContain('minder dan 5 mensen');
    expect(before).not.toContain('In je team zitten');
    for (const p of small) await activity(db, p.id, new Date(READ_AT.getTime() - DAY));
    expect(said(await digestFor(smallLeader.id))).toBe(before);
    for (const p of small) expect(before).not.toContain(p.name.split(' ')[0]);
  });

  it('counts only current colleagues: an erased member makes a team of five small', async () => {
    const org = await anOrganization(db);
    const lead = await aMember(db, { organizationId: org.id, roles: ['MANAGER'] });
    const members = [];
    for (let i = 0; i < 5; i++) members.push(await aMember(db, { organizationId: org.id, managerId: lead.id }));
    const core = nudgeCore(db, { clock: new FixedClock(READ_AT) });
    expect((await core.ctx.nudges.teamFigures(lead.id, new Date(READ_AT.getTime() - 28 * DAY), READ_AT)).active).toBe(0);
    await db.prisma.person.update({ where: { id: members[0]!.id }, data: { erasedAt: new Date() } });
    expect(await core.ctx.nudges.teamFigures(lead.id, new Date(READ_AT.getTime() - 28 * DAY), READ_AT)).toMatchObject({ size: 4, active: null });
  });

  it('gives a manager no way to reach the report, the campaigns or anyone’s clicks', async () => {
    const core = nudgeCore(db, { clock: new FixedClock(READ_AT) });
    const manager = await core.actor(leader.id);
    const campaign = await aCampaign(db);
    const answers = [
      await core.bot.text(manager, 'rapport'),
      await core.bot.text(manager, 'report afdeling'),
      await core.bot.text(manager, 'campagnes'),
      await core.bot.action(manager, { action: 'report.view', value: 'department' }),
      await core.bot.action(manager, { action: 'report.csv', value: 'education' }),
      await core.bot.action(manager, { action: 'campaign.pause', value: campaign.id }),
      await core.bot.action(manager, { action: 'nudge.open', value: JSON.stringify({ c: campaign.id }) }),
      await core.bot.text(manager, 'digest'),
    ];
    const text = answers.map(said).join('\n');
    expect(answers.filter((a) => said(a).includes('Alleen HR kan'))).toHaveLength(6);
    expect(text).not.toContain('%');
    expect(text).not.toContain('/charts/');
    expect(text).not.toContain('/downloads/');
    for (const p of [...team, ...small]) expect(text).not.toContain(p.name.split(' ')[0]);
    expect((await db.prisma.nudgeCampaign.findUniqueOrThrow({ where: { id: campaign.id } })).status).toBe('ACTIVE');
    expect(await db.prisma.download.count()).toBe(0);
  });
});
