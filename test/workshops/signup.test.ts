import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { BACKENDS, testDatabase } from '../support/db.js';
import { aPerson, aWorkshop, anActor, anOrganization, FixedClock, testCore } from '../support/builders.js';

describe.each(BACKENDS)('workshop sign-up on %s', (backend) => {
  let db: Database;
  let core: ReturnType<typeof testCore>;
  const clock = new FixedClock(new Date('2027-03-01T09:00:00Z'));

  beforeAll(async () => {
    db = await testDatabase(backend);
    core = testCore(db, clock);
  });
  afterAll(async () => db?.close());

  const state = (w: { id: string }) => ({ w: w.id, q: '', o: 0 });

  it('confirms while seats last, then waitlists with positions, and is harmless twice', async () => {
    const w = await aWorkshop(db, { capacity: 2 });
    const people = await Promise.all([1, 2, 3, 4].map(() => aPerson(db)));
    const actors = await Promise.all(people.map((p) => anActor(db, core, p.id)));
    const texts = [];
    for (const a of actors) texts.push((await core.workshops.signUp(a, state(w))).messages[0]!.text);
    expect(texts[0]).toContain('Je bent aangemeld');
    expect(texts[1]).toContain('Je bent aangemeld');
    expect(texts[2]).toContain('plek 1');
    expect(texts[3]).toContain('plek 2');
    const again = await core.workshops.signUp(actors[3]!, state(w));
    expect(again.messages[0]!.text).toContain('al op de wachtlijst');
    expect(again.messages[0]!.text).toContain('plek 2');
    const row = await db.prisma.workshop.findUniqueOrThrow({ where: { id: w.id } });
    expect(row.confirmedCount).toBe(2);
  });

  it('promotes the first on the waitlist when a confirmed person cancels, and tells them via the outbox', async () => {
    const w = await aWorkshop(db, { capacity: 1 });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => aPerson(db)));
    const [aa, ab, ac] = await Promise.all([a!, b!, c!].map((p) => anActor(db, core, p.id)));
    await core.workshops.signUp(aa!, state(w));
    await core.workshops.signUp(ab!, state(w));
    await core.workshops.signUp(ac!, state(w));
    const reply = await core.workshops.cancel(aa!, state(w));
    expect(reply.messages[0]!.text).toContain('afgemeld');
    const signups = await db.prisma.signup.findMany({ where: { workshopId: w.id }, orderBy: { createdAt: 'asc' } });
    expect(signups.map((s) => s.status)).toEqual(['CANCELLED', 'CONFIRMED', 'WAITLISTED']);
    const promoted = await db.prisma.outboxMessage.findMany({ where: { personId: b!.id, kind: 'workshop.promoted' } });
    expect(promoted).toHaveLength(1);
    // c moved up to position 1.
    const list = await core.workshops.list(ac!, { q: '', o: 0 });
    expect(JSON.stringify(list)).toContain('plek 1');
    const row = await db.prisma.workshop.findUniqueOrThrow({ where: { id: w.id } });
    expect(row.confirmedCount).toBe(1);
  });

  it('refuses overlapping workshops, closed deadlines and other organisations', async () => {
    const org = await anOrganization(db);
    const other = await anOrganization(db);
    const p = await aPerson(db, { organizationId: org.id });
    const actor = await anActor(db, core, p.id);
    const first = await aWorkshop(db, { title: 'Eerste', startsAt: new Date('2027-03-17T09:00:00Z') });
    const clash = await aWorkshop(db, { startsAt: new Date('2027-03-17T10:00:00Z') });
    const closed = await aWorkshop(db, { signupDeadline: new Date('2027-02-28T12:00:00Z') });
    const foreign = await aWorkshop(db, { openTo: [other.id] });
    await core.workshops.signUp(actor, state(first));
    expect((await core.bot.text(actor, 'workshops')).messages[0]).toBeDefined();
    const r1 = await core.bot.action(actor, { action: 'workshop.signup', value: JSON.stringify(state(clash)) });
    expect(r1.messages[0]!.text).toContain('“Eerste”');
    const r2 = await core.bot.action(actor, { action: 'workshop.signup', value: JSON.stringify(state(closed)) });
    expect(r2.messages[0]!.text).toContain('gesloten');
    const r3 = await core.bot.action(actor, { action: 'workshop.signup', value: JSON.stringify(state(foreign)) });
    expect(r3.messages[0]!.text).toContain('niet doen');
    expect(await db.prisma.signup.count({ where: { personId: p.id } })).toBe(1);
  });

  it('answers a malformed or unknown button value with a friendly message', async () => {
    const p = await aPerson(db);
    const actor = await anActor(db, core, p.id);
    const bad = await core.bot.action(actor, { action: 'workshop.signup', value: '{"w":"nope"' });
    expect(bad.messages[0]!.text).toContain('knop werkt niet meer');
    const gone = await core.bot.action(actor, {
      action: 'workshop.signup',
      value: JSON.stringify({ w: '00000000-0000-4000-8000-000000000000', q: '', o: 0 }),
    });
    expect(gone.messages[0]!.text).toContain('niet (meer) vinden');
  });
});
