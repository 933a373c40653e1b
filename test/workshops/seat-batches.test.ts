import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { SeatBatches } from '../../src/db/workshops/seat-batches.js';
import { takeSeat } from '../../src/db/workshops/signup.js';
import { testPostgres } from '../support/db.js';
import { aPerson, aWorkshop, FixedClock, testCore } from '../support/builders.js';

const now = new Date('2027-03-01T09:00:00Z');
const reminder = (personId: string) => [{ key: `workshop-reminder:test:${personId}:day`, kind: 'workshop.reminder', payload: { when: 'day' }, notBefore: now.toISOString() }];

describe('sign-ups written together for one workshop (PostgreSQL)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testPostgres(6);
  });
  afterAll(async () => db?.close());

  it('writes a burst in arrival order: seats first, then waitlist numbers, with reminders for the seated only', async () => {
    const w = await aWorkshop(db, { capacity: 2 });
    const people = await Promise.all(Array.from({ length: 5 }, () => aPerson(db)));
    const seats = new SeatBatches(db.prisma, takeSeat);
    const taken = await Promise.all(people.map((p) => seats.take(w.id, p.id, reminder(p.id), now)));
    expect(taken.map((t) => t?.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'WAITLISTED', 'WAITLISTED', 'WAITLISTED']);
    expect(taken.map((t) => t?.seq)).toEqual([null, null, 1, 2, 3]);
    // The first went alone (nothing else was waiting); the batch after it knows the exact waitlist.
    expect(taken.slice(1).map((t) => t?.waitlist)).toEqual([
      { position: null, length: 3 },
      { position: 1, length: 3 },
      { position: 2, length: 3 },
      { position: 3, length: 3 },
    ]);
    const row = await db.prisma.workshop.findUniqueOrThrow({ where: { id: w.id } });
    expect(row).toMatchObject({ confirmedCount: 2, waitlistSeq: 3 });
    const reminders = await db.prisma.outboxMessage.findMany({ where: { kind: 'workshop.reminder', personId: { in: people.map((p) => p.id) } } });
    expect(reminders.map((r) => r.personId).sort()).toEqual([people[0]!.id, people[1]!.id].sort());
    expect(await db.prisma.engagementEvent.count({ where: { refId: w.id } })).toBe(5);
  });

  it('does not let one sign-up that cannot be written fail the others in its batch', async () => {
    const w = await aWorkshop(db, { capacity: 1 });
    const [a, b] = [await aPerson(db), await aPerson(db)];
    const seats = new SeatBatches(db.prisma, takeSeat);
    const ghost = randomUUID();
    const results = await Promise.allSettled([a.id, ghost, b.id].map((id) => seats.take(w.id, id, [], now)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const rows = await db.prisma.signup.findMany({ where: { workshopId: w.id }, orderBy: { status: 'asc' } });
    expect(rows.map((r) => [r.personId, r.status])).toEqual([
      [a.id, 'CONFIRMED'],
      [b.id, 'WAITLISTED'],
    ]);
  });

  it('keeps one sign-up for a person who clicks twice in the same rush, and says so the second time', async () => {
    const core = testCore(db, new FixedClock(now));
    const w = await aWorkshop(db, { capacity: 3 });
    const people = await Promise.all(Array.from({ length: 4 }, () => aPerson(db)));
    const actors = await Promise.all(people.map(async (p) => ({ person: (await core.ctx.people.findById(p.id))!, locale: 'nl' as const, platform: 'CONSOLE' as const })));
    const clicks = [actors[0]!, actors[1]!, actors[0]!, actors[2]!, actors[3]!, actors[0]!];
    const replies = await Promise.all(clicks.map((a) => core.workshops.signUp(a, { w: w.id, q: '', o: 0 })));
    const first = replies.filter((_, i) => clicks[i] === actors[0]).map((r) => r.messages[0]!.text);
    expect(first.filter((t) => t.startsWith('Je bent aangemeld voor'))).toHaveLength(1);
    expect(first.filter((t) => t.startsWith('Je was al aangemeld'))).toHaveLength(2);
    expect(await db.prisma.signup.count({ where: { workshopId: w.id } })).toBe(4);
    expect(await db.prisma.signup.count({ where: { workshopId: w.id, status: 'CONFIRMED' } })).toBe(3);
    expect((await db.prisma.workshop.findUniqueOrThrow({ where: { id: w.id } })).confirmedCount).toBe(3);
  });
});
