import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { testPostgres } from '../support/db.js';
import { aWorkshop, FixedClock, testCore } from '../support/builders.js';

describe('sign-up race on PostgreSQL', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testPostgres(10);
  });
  afterAll(async () => db?.close());

  it('500 simultaneous sign-ups for 20 seats: exactly 20 confirmed, 480 waitlisted 1..480, no error', async () => {
    const core = testCore(db, new FixedClock(new Date('2027-03-01T09:00:00Z')));
    const w = await aWorkshop(db, { capacity: 20 });
    await db.prisma.person.createMany({ data: Array.from({ length: 500 }, (_, i) => ({ name: `racer-${i}`, locale: 'nl' })) });
    const people = await db.prisma.person.findMany({ where: { name: { startsWith: 'racer-' } } });
    const actors = await Promise.all(people.map((p) => core.ctx.people.findById(p.id)));
    const results = await Promise.all(
      actors.map((person) =>
        core.workshops.signUp({ person: person!, locale: 'nl', platform: 'CONSOLE' }, { w: w.id, q: '', o: 0 }),
      ),
    );
    expect(results).toHaveLength(500);
    const rows = await db.prisma.signup.findMany({ where: { workshopId: w.id } });
    expect(rows.filter((s) => s.status === 'CONFIRMED')).toHaveLength(20);
    const waiting = rows.filter((s) => s.status === 'WAITLISTED').map((s) => s.waitlistSeq!).sort((a, b) => a - b);
    expect(waiting).toEqual(Array.from({ length: 480 }, (_, i) => i + 1));
    expect((await db.prisma.workshop.findUniqueOrThrow({ where: { id: w.id } })).confirmedCount).toBe(20);
    const told = results.map((r) => r.messages[0]!.text);
    expect(told.filter((t) => t.includes('Je bent aangemeld'))).toHaveLength(20);
    const positions = told.map((t) => /op plek (\d+)/.exec(t)?.[1]).filter(Boolean).map(Number).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 480 }, (_, i) => i + 1));
  }, 120_000);
});
