import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDimension } from '../../src/core/nudges/report-message.js';
import { buildReport } from '../../src/core/nudges/report.js';
import type { Actor } from '../../src/core/people/person.js';
import type { Database } from '../../src/db/database.js';
import { aWorkshop, FixedClock, testCore } from '../support/builders.js';
import { testPostgres } from '../support/db.js';
import { importDepotTeam } from './support.js';

/** Wednesday 10 March 2027, 10:00 local. */
const NOW = new Date('2027-03-10T09:00:00Z');
const TZ = 'Europe/Amsterdam';

describe('people without a chat account: figures by team leader, export and erasure', () => {
  let db: Database;
  let core: ReturnType<typeof testCore>;
  let a: Awaited<ReturnType<typeof importDepotTeam>>;
  let b: Awaited<ReturnType<typeof importDepotTeam>>;
  let c: Awaited<ReturnType<typeof importDepotTeam>>;
  let workshop: { id: string; title: string };
  const actor = async (id: string): Promise<Actor> => ({ person: (await core.ctx.people.findById(id))!, platform: 'CONSOLE', locale: 'nl' });

  beforeAll(async () => {
    db = await testPostgres(4);
    core = testCore(db, new FixedClock(NOW));
    a = await importDepotTeam(db, { platform: 'slack', userId: 'UA0000001', email: 'leider.a@werf.example', name: 'Leider Afval' });
    b = await importDepotTeam(db, { platform: 'teams', userId: 'b0000000-0000-4000-8000-000000000001', email: 'leider.b@werf.example', name: 'Leider Baden' });
    c = await importDepotTeam(db, { platform: 'slack', userId: 'UC0000001', email: 'leider.c@werf.example', name: 'Leider Catering' }, 3);
    workshop = await aWorkshop(db, { title: 'Tillen zonder rugpijn', capacity: 3, startsAt: new Date(NOW.getTime() + 2 * 86_400_000) });
  });
  afterAll(async () => db?.close());

  it('proxy sign-ups and team talks count for the members, in the report by team leader (k >= 5, suppression)', async () => {
    // Team A: four members signed up by their leader (three seats, one waits). Team B: a team talk counts for all 8.
    for (const m of a.members.slice(0, 4)) await core.proxySignups.signUpOnBehalf({ teamLeaderId: a.leader.id, personId: m.id, workshopId: workshop.id });
    const talk = await core.team.toolbox(await actor(b.leader.id));
    const key = talk.blocks.flatMap((x) => (x.type === 'actions' ? x.buttons : [])).find((x) => x.action === 'team.talk')?.value;
    // The library's scenario questions are seeded by `seed demo`; without them the key is the leader's own.
    await core.team.talk(await actor(b.leader.id), key ?? 'vraag@2027-03-08');
    expect((await core.team.talk(await actor(b.leader.id), key ?? 'vraag@2027-03-08')).messages[0]!.text).toBe('Dit gesprek had je al doorgegeven.');
    // Team C (3 people): one sign-up. Too small to show.
    await core.proxySignups.signUpOnBehalf({ teamLeaderId: c.leader.id, personId: c.members[0]!.id, workshopId: workshop.id });

    expect(parseDimension('teamleider')).toBe('teamleader');
    const r = await buildReport(core.ctx.engagementReport, { dimension: 'teamleader', weeks: 2, activityWeeks: 4, now: new Date(NOW.getTime() + 3600_000), timezone: TZ });
    const row = (g: string) => r.current.find((x) => x.group === g);
    expect(row('Leider Afval')).toMatchObject({ people: 8, active: 4, suppressed: false });
    expect(row('Leider Baden')).toMatchObject({ people: 8, active: 8, suppressed: false });
    expect(row('Leider Catering')).toMatchObject({ people: null, active: null, suppressed: true, hidden: 'small' });
    // The hidden groups together hold at least 5 people (here: team C and the leaders without a leader of their own).
    const hidden = r.current.filter((x) => x.suppressed);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
  });

  it('exports a person without an account, with who signed them up, and the leader’s own sign-ups for others', async () => {
    const m = a.members[0]!;
    const files = await core.privacy.files(m.id, 'nl');
    const data = JSON.parse(files.json) as { person: { name: string }; identities: unknown[]; signups: { signedUpBy: { name: string } | null }[] };
    expect(data.person.name).toBe(m.name);
    expect(data.identities).toEqual([]);
    expect(data.signups[0]!.signedUpBy).toEqual({ name: 'Leider Afval' });
    expect(files.markdown).toContain(m.name);
    const leader = JSON.parse((await core.privacy.files(a.leader.id, 'nl')).json) as { person: { toolboxWeekday: number }; signupsForOthers: unknown[] };
    expect(leader.signupsForOthers).toHaveLength(4);
    // The toolbox day is in the export as stored: not chosen yet (null; Monday by default for a team without chat).
    expect(leader.person).toHaveProperty('toolboxWeekday', null);
  });

  it('erases a person without an account: the seat goes to the first waiting, history stays without the name', async () => {
    const m = a.members[0]!;
    const waiting = a.members[3]!;
    const who = await actor(m.id);
    await core.privacy.erase(who, (w) => core.workshops.cancel(who, { w, q: '', o: 0 }));
    const gone = await db.prisma.person.findUniqueOrThrow({ where: { id: m.id } });
    expect(gone).toMatchObject({ name: 'verwijderd', email: null, managerId: null });
    expect(await db.prisma.signup.findFirstOrThrow({ where: { workshopId: workshop.id, personId: waiting.id } })).toMatchObject({ status: 'CONFIRMED' });
    expect(await db.prisma.signup.count({ where: { personId: m.id } })).toBe(0);
    // The promotion notice for the waiting member (no chat either) is addressed to their team leader's Slack.
    const promoted = await db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'workshop.promoted', personId: waiting.id } });
    expect(promoted).toMatchObject({ platform: 'SLACK', status: 'PENDING' });
  });

  it('erasing a team leader keeps the sign-ups they made (and their counts) without pointing at them', async () => {
    const who = await actor(a.leader.id);
    await core.privacy.erase(who, (w) => core.workshops.cancel(who, { w, q: '', o: 0 }));
    expect(await db.prisma.signup.count({ where: { signedUpById: a.leader.id } })).toBe(0);
    expect(await db.prisma.signup.count({ where: { workshopId: workshop.id, status: { not: 'CANCELLED' } } })).toBe(4);
    const events = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "EngagementEvent" WHERE data->>'by' = ${a.leader.id}`;
    expect(events[0]!.n).toBe(0);
    // Without a team leader, a message for a member without an account has nobody to go to: stored as not sent.
    const orphan = a.members[1]!;
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: orphan.id } })).managerId).toBeNull();
    await core.ctx.outbox.enqueue([{ idempotencyKey: 'orphan-news', kind: 'workshop.changed', personId: orphan.id, payload: { workshopId: workshop.id } }]);
    expect(await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: 'orphan-news' } })).toMatchObject({
      status: 'FAILED',
      lastError: 'unreachable: no chat account and no team leader to pass it on',
    });
  });
});
