import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { testPostgres } from '../support/db.js';
import { aWorkshop, FixedClock, testCore } from '../support/builders.js';

describe('proxy sign-ups racing direct clicks on PostgreSQL', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testPostgres(10);
  });
  afterAll(async () => db?.close());

  it('8 proxy sign-ups among 200 direct clicks for 20 seats: exactly 20 seats, waitlist 1..188, "aangemeld door" kept', async () => {
    const core = testCore(db, new FixedClock(new Date('2027-03-01T09:00:00Z')));
    const w = await aWorkshop(db, { capacity: 20 });
    const leader = await db.prisma.person.create({ data: { name: 'Teamleider Race', roles: ['EMPLOYEE', 'MANAGER'], locale: 'nl' } });
    await db.prisma.person.createMany({
      data: Array.from({ length: 8 }, (_, i) => ({ name: `buiten-${i}`, locale: 'nl', managerId: leader.id })),
    });
    await db.prisma.person.createMany({ data: Array.from({ length: 200 }, (_, i) => ({ name: `klikker-${i}`, locale: 'nl' })) });
    const team = await db.prisma.person.findMany({ where: { managerId: leader.id } });
    const clickers = await db.prisma.person.findMany({ where: { name: { startsWith: 'klikker-' } } });
    const actors = await Promise.all(clickers.map((p) => core.ctx.people.findById(p.id)));
    const direct = actors.map((person) => () => core.workshops.signUp({ person: person!, locale: 'nl', platform: 'CONSOLE' }, { w: w.id, q: '', o: 0 }));
    const proxy = team.map((p) => () => core.proxySignups.signUpOnBehalf({ teamLeaderId: leader.id, personId: p.id, workshopId: w.id }));
    // The proxy sign-ups spread through the burst; each also twice (a double tap on the confirm button).
    const all: (() => Promise<unknown>)[] = [...direct];
    proxy.forEach((f, i) => all.splice(i * 25 + 3, 0, f, f));
    const results = await Promise.all(all.map((f) => f()));
    expect(results).toHaveLength(216);

    const rows = await db.prisma.signup.findMany({ where: { workshopId: w.id } });
    expect(rows).toHaveLength(208);
    expect(rows.filter((s) => s.status === 'CONFIRMED')).toHaveLength(20);
    const waiting = rows.filter((s) => s.status === 'WAITLISTED').map((s) => s.waitlistSeq!).sort((a, b) => a - b);
    expect(waiting).toEqual(Array.from({ length: 188 }, (_, i) => i + 1));
    expect((await db.prisma.workshop.findUniqueOrThrow({ where: { id: w.id } })).confirmedCount).toBe(20);
    const byLeader = rows.filter((s) => s.signedUpById === leader.id).map((s) => s.personId).sort();
    expect(byLeader).toEqual(team.map((p) => p.id).sort());
    expect(rows.filter((s) => s.signedUpById !== null && s.signedUpById !== leader.id)).toHaveLength(0);
    // The engagement event is the person's own, marked as a proxy sign-up.
    const events = await db.prisma.engagementEvent.findMany({ where: { refId: w.id, personId: { in: team.map((p) => p.id) } } });
    expect(events).toHaveLength(8);
    expect(events.every((e) => (e.data as { by?: string } | null)?.by === leader.id)).toBe(true);

    // Cancelling on behalf frees the seat for the first on the waitlist, as a click on Afmelden does.
    const seated = rows.find((s) => s.signedUpById === leader.id && s.status === 'CONFIRMED');
    if (seated) {
      const first = rows.filter((s) => s.status === 'WAITLISTED').sort((a, b) => a.waitlistSeq! - b.waitlistSeq!)[0]!;
      const c = await core.proxySignups.cancelOnBehalf({ teamLeaderId: leader.id, personId: seated.personId!, workshopId: w.id });
      expect(c.promotedPersonId).toBe(first.personId);
    }
    // Someone outside the team cannot be signed up by this leader.
    await expect(core.proxySignups.signUpOnBehalf({ teamLeaderId: leader.id, personId: clickers[0]!.id, workshopId: w.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
  }, 120_000);
});
