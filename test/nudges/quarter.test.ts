import { PrismaFireClaims } from '../../src/db/schedule/fire-claims.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NudgeService } from '../../src/core/nudges/nudge-service.js';
import { DEFAULT_NUDGE_SETTINGS, windowFor } from '../../src/core/nudges/settings.js';
import { inWindow, localDay } from '../../src/core/nudges/window.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { CampaignRunner } from '../../src/schedule/campaign-runner.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { anOrganization, FixedClock } from '../support/builders.js';
import { testPostgres } from '../support/db.js';
import { aCampaign, aMember, DAY, nudgeCore, nudgeRows, variant } from './support.js';

const TZ = 'Europe/Amsterdam';
const START = new Date('2027-03-01T00:00:00Z');
const END = new Date('2027-05-31T00:00:00Z'); // a quarter, with the change to summer time on 28 March
const HOUR = 3_600_000;

/** A small deterministic random generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a quarter of nudges with two replicas on PostgreSQL', () => {
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

  it('fires every campaign once a week across DST, keeps the cap and the windows, and skips the active', { timeout: 240_000 }, async () => {
    const org = await anOrganization(db);
    const rnd = random(20270301);
    const groups = [
      { department: 'Buitendienst', educationLevel: 'mbo', n: 120, weekly: 0.05 },
      { department: 'DIV', educationLevel: 'mbo', n: 80, weekly: 0.15 },
      { department: 'Burgerzaken', educationLevel: 'hbo', n: 100, weekly: 0.3 },
    ];
    const people: { id: string; department: string; weekly: number }[] = [];
    for (const g of groups) {
      for (let i = 0; i < g.n; i++) {
        const p = await aMember(db, { organizationId: org.id, department: g.department, educationLevel: g.educationLevel });
        people.push({ id: p.id, department: g.department, weekly: g.weekly });
      }
    }
    // Outdoor mbo staff without activity in 4 weeks, on Tuesday 07:00; everyone without activity in 6 weeks, Tuesday 09:00.
    const outdoor = await aCampaign(db, {
      key: 'q-buitendienst',
      schedule: '0 7 * * 2',
      target: { organizations: [org.id], departments: ['buitendienst'], educationLevels: ['mbo'], inactiveWeeks: 4 },
      variants: [variant('A', 'Tekst A.'), variant('B', 'Tekst B.')],
      updatedAt: START,
    });
    const everyone = await aCampaign(db, { key: 'q-iedereen', schedule: '0 9 * * 2', target: { organizations: [org.id], inactiveWeeks: 6 }, updatedAt: START });

    const replicas = [db, other].map((d, i) => {
      const clock = new FixedClock(START);
      const core = nudgeCore(d, { clock });
      const scheduler = new Scheduler(new PrismaFireClaims(d.prisma), createLogger('silent'), { timezone: TZ, runnerId: `r${i}` });
      return { clock, runner: new CampaignRunner(scheduler, core.ctx.nudges, new NudgeService(core.ctx), TZ) };
    });
    const events: { personId: string; at: Date }[] = [];
    for (let t = START.getTime(); t < END.getTime(); t += HOUR) {
      const now = new Date(t);
      // People do things on working days during the day, each group at its own rate.
      if (new Date(t).getUTCHours() === 10 && new Date(t).getUTCDay() % 6 !== 0) {
        const batch = people.filter((p) => rnd() < p.weekly / 5).map((p) => ({ personId: p.id, kind: 'workshop.signup', occurredAt: now }));
        if (batch.length) await db.prisma.engagementEvent.createMany({ data: batch });
        for (const b of batch) events.push({ personId: b.personId, at: now });
      }
      for (const r of replicas) r.clock.current = now;
      await Promise.all(replicas.map((r) => r.runner.tick(now)));
    }

    const tuesdays = 13;
    for (const c of [outdoor, everyone]) expect(await db.prisma.scheduleRun.count({ where: { job: `campaign:${c.key}` } }), c.key).toBe(tuesdays);
    const summer = await db.prisma.scheduleRun.findFirstOrThrow({ where: { job: 'campaign:q-buitendienst', fireAt: { gte: new Date('2027-03-30T00:00:00Z') } }, orderBy: { fireAt: 'asc' } });
    expect(summer.fireAt.toISOString()).toBe('2027-03-30T05:00:00.000Z'); // 07:00 CEST

    const rows = await nudgeRows(db);
    expect(rows.length).toBeGreaterThan(300);
    const byPerson = new Map<string, typeof rows>();
    for (const r of rows) byPerson.set(r.personId!, [...(byPerson.get(r.personId!) ?? []), r]);
    for (const [personId, list] of byPerson) {
      const p = people.find((x) => x.id === personId)!;
      const days = list.map((r) => localDay(r.nextAttemptAt, TZ)).sort((a, b) => a - b);
      for (let i = 1; i < days.length; i++) expect(days[i]! - days[i - 1]!, personId).toBeGreaterThanOrEqual(7);
      for (const r of list) {
        expect(inWindow(r.nextAttemptAt, windowFor(DEFAULT_NUDGE_SETTINGS, p.department), TZ)).toBe(true);
        const payload = r.payload as { campaignId: string; fireAt: string };
        const weeks = payload.campaignId === outdoor.id ? 4 : 6;
        const planned = new Date(payload.fireAt).getTime();
        const recent = events.some((e) => e.personId === personId && e.at.getTime() < planned && e.at.getTime() >= planned - weeks * 7 * DAY);
        expect(recent, `${personId} was active before ${payload.fireAt}`).toBe(false);
      }
    }
    // Outdoor staff got the outdoor campaign at 07:00; nobody outside buitendienst did.
    const outdoorRows = rows.filter((r) => (r.payload as { campaignId: string }).campaignId === outdoor.id);
    expect(outdoorRows.every((r) => people.find((p) => p.id === r.personId)!.department === 'Buitendienst')).toBe(true);
    const a = outdoorRows.filter((r) => (r.payload as { variant: string }).variant === 'A').length;
    expect(a / outdoorRows.length).toBeGreaterThan(0.3);
    expect(a / outdoorRows.length).toBeLessThan(0.7);
  });
});
