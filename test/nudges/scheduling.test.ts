import { PrismaFireClaims } from '../../src/db/schedule/fire-claims.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NudgeService } from '../../src/core/nudges/nudge-service.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { toCampaign } from '../../src/db/nudges/nudge-campaigns.js';
import { createLogger } from '../../src/logger.js';
import { CampaignRunner } from '../../src/schedule/campaign-runner.js';
import { createJobs } from '../../src/runtime/jobs.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { anOrganization, FixedClock } from '../support/builders.js';
import { BACKENDS, testDatabase, testPostgres } from '../support/db.js';
import { aCampaign, aMember, MONDAY_9, nudgeCore, nudgeRows } from './support.js';

const TZ = 'Europe/Amsterdam';

/** One replica: its own core, clock, scheduler and campaign runner on the given database connection. */
function replica(db: Database, name: string, now: Date) {
  const clock = new FixedClock(now);
  const core = nudgeCore(db, { clock });
  const scheduler = new Scheduler(new PrismaFireClaims(db.prisma), createLogger('silent'), { timezone: TZ, runnerId: name });
  const runner = new CampaignRunner(scheduler, core.ctx.nudges, new NudgeService(core.ctx), TZ);
  return { clock, core, runner, tick: (at?: Date) => runner.tick(at ?? clock.now()) };
}

const runs = (db: Database, key: string) => db.prisma.scheduleRun.findMany({ where: { job: `campaign:${key}` }, orderBy: { fireAt: 'asc' } });
const fireTimes = async (db: Database, key: string) => (await runs(db, key)).map((r) => r.fireAt.toISOString());

describe.each(BACKENDS)('campaign schedules on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase(backend);
  });
  // Each test's campaigns end with it, so the next test's ticks see only their own.
  afterEach(async () => {
    await db.prisma.nudgeCampaign.updateMany({ data: { status: 'ENDED' } });
  });
  afterAll(async () => db?.close());

  it('fires at the campaign’s local time on both sides of a DST change', async () => {
    const org = await anOrganization(db);
    await aMember(db, { organizationId: org.id });
    const c = await aCampaign(db, { schedule: '0 9 * * 1', target: { organizations: [org.id] }, updatedAt: new Date('2027-03-20T12:00:00Z') });
    const r = replica(db, 'a', new Date('2027-03-22T07:59:00Z'));
    for (const t of ['2027-03-22T07:59:30Z', '2027-03-22T08:00:20Z', '2027-03-22T08:01:20Z', '2027-03-29T06:59:20Z', '2027-03-29T07:00:20Z', '2027-03-29T08:00:20Z']) {
      await r.tick(new Date(t));
    }
    // 09:00 CET is 08:00 UTC; a week later 09:00 CEST is 07:00 UTC.
    expect(await fireTimes(db, c.key)).toEqual(['2027-03-22T08:00:00.000Z', '2027-03-29T07:00:00.000Z']);
  });

  it('fires a doubled wall-clock minute (clocks going back) once', async () => {
    const c = await aCampaign(db, { schedule: '30 2 * * *', updatedAt: new Date('2027-10-30T12:00:00Z') });
    const r = replica(db, 'a', new Date('2027-10-31T00:29:00Z'));
    await r.tick(new Date('2027-10-31T00:29:00Z'));
    await r.tick(new Date('2027-10-31T00:30:10Z')); // 02:30 CEST
    await r.tick(new Date('2027-10-31T01:30:10Z')); // 02:30 CET, the same wall-clock minute again
    expect(await fireTimes(db, c.key)).toEqual(['2027-10-31T00:30:00.000Z']);
  });

  it('catches up the latest fire missed while down, once, also after a restart', async () => {
    const org = await anOrganization(db);
    const p = await aMember(db, { organizationId: org.id, department: 'DIV' });
    const c = await aCampaign(db, { schedule: '0 9 * * 1', target: { organizations: [org.id] } });
    // Down from Friday until Monday 11:00 local: Monday 09:00 was missed (and the Monday a week before).
    const first = replica(db, 'a', new Date('2027-03-15T10:00:00Z'));
    expect(await first.tick()).toBe(1);
    expect(await first.tick(new Date('2027-03-15T10:01:00Z'))).toBe(0);
    const restarted = replica(db, 'b', new Date('2027-03-15T10:05:00Z'));
    expect(await restarted.tick()).toBe(0);
    expect(await fireTimes(db, c.key)).toEqual(['2027-03-15T08:00:00.000Z']);
    // Planned from the moment it ran (11:00), inside the window, not from the missed 09:00.
    const rows = await nudgeRows(db, { personId: p.id });
    expect(rows.map((r) => r.nextAttemptAt.toISOString())).toEqual(['2027-03-15T10:00:00.000Z']);
  });

  it('does not send fires from before a campaign started or was started again, and ends it after its end date', async () => {
    const c = await aCampaign(db, { schedule: '0 9 * * 1', updatedAt: new Date('2027-03-17T09:00:00Z') });
    const r = replica(db, 'a', new Date('2027-03-18T10:00:00Z'));
    expect(await r.tick()).toBe(0); // Monday 15 March came before the campaign
    await r.core.ctx.nudges.setCampaignStatus(c.id, 'PAUSED', 'test', new Date('2027-03-19T10:00:00Z'));
    await r.core.ctx.nudges.setCampaignStatus(c.id, 'ACTIVE', 'test', new Date('2027-03-23T10:00:00Z'));
    expect(await r.tick(new Date('2027-03-23T10:01:00Z'))).toBe(0); // Monday 22 March fell in the pause
    expect(await r.tick(new Date('2027-03-29T07:00:30Z'))).toBe(1);
    await db.prisma.nudgeCampaign.update({ where: { id: c.id }, data: { endsAt: new Date('2027-04-01T00:00:00Z') } });
    expect(await r.tick(new Date('2027-04-05T07:00:30Z'))).toBe(0);
    expect((await db.prisma.nudgeCampaign.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('ENDED');
    const audit = await db.prisma.auditLog.findMany({ where: { action: 'campaign.status', subject: c.key }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => (a.details as { to: string }).to)).toEqual(['PAUSED', 'ACTIVE', 'ENDED']);
  });

  it('registers the campaign tick and the weekly digest with the scheduler', () => {
    const core = nudgeCore(db);
    const jobs = createJobs(core, db).map((j) => `${j.name} ${j.cron}`);
    expect(jobs).toContain('nudges.campaigns * * * * *');
    expect(jobs).toContain('nudges.digest 0 8 * * 1');
  });
});

describe('two replicas on one PostgreSQL', () => {
  let db: Database & { url: string };
  let other: Database;
  beforeAll(async () => {
    db = await testPostgres(6);
    other = await openDatabase({ url: db.url }, { poolSize: 6 });
  });
  afterAll(async () => {
    await other?.close();
    await db?.close();
  });

  it('fire each campaign once: one claim, one nudge per person', async () => {
    const org = await anOrganization(db);
    const people = await Promise.all(Array.from({ length: 30 }, () => aMember(db, { organizationId: org.id, department: 'DIV' })));
    const c = await aCampaign(db, { schedule: '0 9 * * 1', target: { organizations: [org.id] } });
    const at = new Date('2027-03-01T08:00:05Z');
    const a = replica(db, 'a', at);
    const b = replica(other, 'b', at);
    const claimed = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick(), b.tick()]);
    expect(claimed.reduce((x, y) => x + y, 0)).toBe(1);
    expect(await runs(db, c.key)).toHaveLength(1);
    const rows = await nudgeRows(db, { payload: { path: ['campaignId'], equals: c.id } });
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r.personId)).size).toBe(people.length);
  });

  it('keeps the weekly cap when two campaigns for the same people fire at the same moment on two replicas', async () => {
    const org = await anOrganization(db);
    const people = await Promise.all(Array.from({ length: 40 }, () => aMember(db, { organizationId: org.id, department: 'DIV' })));
    const target = { organizations: [org.id] };
    for (let round = 0; round < 3; round++) {
      const x = toCampaign(await aCampaign(db, { target }));
      const y = toCampaign(await aCampaign(db, { target }));
      const at = new Date(MONDAY_9.getTime() + round * 7 * 86_400_000);
      const a = new NudgeService(nudgeCore(db, { clock: new FixedClock(at) }).ctx);
      const b = new NudgeService(nudgeCore(other, { clock: new FixedClock(at) }).ctx);
      const written = await Promise.all([a.fireCampaign(x, at), b.fireCampaign(y, at)]);
      expect(written[0]! + written[1]!).toBe(people.length);
    }
    for (const p of people) expect(await nudgeRows(db, { personId: p.id })).toHaveLength(3);
  });
});
