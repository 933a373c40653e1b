import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/messages.js';
import type { Database } from '../../src/db/database.js';
import { BACKENDS, testDatabase } from '../support/db.js';
import { aPerson, aWorkshop, anActor, FixedClock, testCore } from '../support/builders.js';

const buttons = (r: Reply) =>
  [...(r.update ? [r.update] : []), ...r.messages].flatMap((m) =>
    m.blocks.flatMap((b) => (b.type === 'item' ? (b.buttons ?? []) : b.type === 'actions' ? b.buttons : [])),
  );
const form = (r: Reply) => r.messages.flatMap((m) => m.blocks).find((b) => b.type === 'form');

describe.each(BACKENDS)('managing workshops on %s', (backend) => {
  let db: Database;
  let core: ReturnType<typeof testCore>;
  const clock = new FixedClock(new Date('2027-03-01T09:00:00Z'));
  beforeAll(async () => {
    db = await testDatabase(backend);
    core = testCore(db, clock);
  });
  afterAll(async () => db?.close());

  const setup = async (capacity: number, signups: number) => {
    const hr = await anActor(db, core, (await aPerson(db, { roles: ['EMPLOYEE', 'HR'] })).id);
    const w = await aWorkshop(db, { capacity, title: `Stress ${Math.random().toString(36).slice(2, 6)}` });
    const people = [];
    for (let i = 0; i < signups; i++) {
      const p = await anActor(db, core, (await aPerson(db)).id);
      await core.workshops.signUp(p, { w: w.id, q: '', o: 0 });
      people.push(p);
    }
    return { hr, w, people };
  };

  it('shows HR the figures per workshop and refuses everyone else, changing nothing', async () => {
    const { hr, w } = await setup(2, 3);
    const list = await core.bot.text(hr, 'workshops beheren');
    const text = JSON.stringify(list);
    expect(text).toContain(w.title);
    expect(text).toContain('2 van 2 aangemeld · 1 op de wachtlijst · 100% vol');
    const employee = await anActor(db, core, (await aPerson(db)).id);
    const manager = await anActor(db, core, (await aPerson(db, { roles: ['EMPLOYEE', 'MANAGER'] })).id);
    for (const who of [employee, manager]) {
      expect((await core.bot.text(who, 'workshops beheren')).messages[0]!.text).toContain('niet doen');
      // Replaying HR's buttons does not help either.
      for (const b of buttons(list)) {
        const r = await core.bot.action(who, { action: b.action, value: b.value });
        expect(r.messages[0]!.text, b.action).toContain('niet doen');
      }
      const r = await core.bot.action(who, { action: 'manage.edit.submit', value: w.id, form: { title: 'Hacked', starts: '2027-03-16 10:00', ends: '2027-03-16 12:00', capacity: '99' } });
      expect(r.messages[0]!.text).toContain('niet doen');
    }
    const after = await db.prisma.workshop.findUniqueOrThrow({ where: { id: w.id } });
    expect(after.status).toBe('SCHEDULED');
    expect(after.title).toBe(w.title);
    expect(after.capacity).toBe(2);
  });

  it('an edit that moves the workshop and adds seats notifies everyone, promotes in order and re-times reminders', async () => {
    const { hr, w, people } = await setup(1, 3);
    const edit = await core.bot.action(hr, { action: 'manage.edit', value: w.id });
    const f = form(edit);
    expect(f?.type).toBe('form');
    const values = Object.fromEntries((f as { form: { fields: { id: string; initial?: string }[] } }).form.fields.map((x) => [x.id, x.initial ?? '']));
    expect(values.starts).toBe('16-03-2027 10:00');
    const saved = await core.bot.action(hr, { action: 'manage.edit.submit', value: w.id, form: { ...values, starts: '2027-03-18 13:00', ends: '2027-03-18 15:00', capacity: '2' } });
    expect(saved.messages[0]!.text).toContain('is gewijzigd');
    const row = await db.prisma.workshop.findUniqueOrThrow({ where: { id: w.id } });
    expect(row.startsAt.toISOString()).toBe('2027-03-18T12:00:00.000Z');
    expect(row.icsSequence).toBe(1);
    expect(row.confirmedCount).toBe(2);
    const statuses = await Promise.all(people.map((p) => core.ctx.workshops.signupStatus(w.id, p.person.id)));
    expect(statuses).toEqual(['CONFIRMED', 'CONFIRMED', 'WAITLISTED']);
    const changed = await db.prisma.outboxMessage.findMany({ where: { kind: 'workshop.changed', payload: { path: ['workshopId'], equals: w.id } } });
    expect(changed.map((m) => m.personId).sort()).toEqual(people.map((p) => p.person.id).sort());
    expect(await db.prisma.outboxMessage.count({ where: { kind: 'workshop.promoted', personId: people[1]!.person.id } })).toBe(1);
    const reminders = await db.prisma.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `workshop-reminder:${w.id}:` }, status: 'PENDING' } });
    expect(reminders.map((r) => r.nextAttemptAt.toISOString()).sort()).toEqual(['2027-03-17T12:00:00.000Z', '2027-03-17T12:00:00.000Z']);
    // The composed message tells the new time in the person's language.
    const msg = await core.bot.compose('workshop.changed', { workshopId: w.id }, people[2]!);
    expect(msg?.text).toContain('do 18 mrt 13:00–15:00');
  });

  it('rejects a bad edit with a clear message and keeps the workshop as it was', async () => {
    const { hr, w } = await setup(5, 0);
    const r = await core.bot.action(hr, { action: 'manage.edit.submit', value: w.id, form: { title: 'X', starts: 'morgen', ends: '2027-03-16 12:00', capacity: '5' } });
    expect(r.messages[0]!.text).toContain('16-03-2027 10:00');
    const r2 = await core.bot.action(hr, { action: 'manage.edit.submit', value: w.id, form: { title: 'X', starts: '2027-03-16 10:00', ends: '2027-03-16 12:00', capacity: 'veel' } });
    expect(r2.messages[0]!.text).toContain('heel getal');
    expect((await db.prisma.workshop.findUniqueOrThrow({ where: { id: w.id } })).title).toBe(w.title);
  });

  it('names every mistake of an edit at once and gives the form back with what was typed', async () => {
    const { hr, w } = await setup(5, 0);
    const r = await core.bot.action(hr, { action: 'manage.edit.submit', value: w.id, form: { title: 'Nieuw', starts: 'morgen', ends: 'later', capacity: 'veel', location: 'Zaal 2' } });
    const text = r.messages[0]!.text;
    expect(text).toContain('Begin: ik snap “morgen” niet');
    expect(text).toContain('Einde: ik snap “later” niet');
    expect(text).toContain('heel getal');
    const form = r.messages[0]!.blocks.flatMap((b) => (b.type === 'form' ? [b.form] : []))[0]!;
    expect(Object.fromEntries(form.fields.map((f) => [f.id, f.initial]))).toMatchObject({ title: 'Nieuw', starts: 'morgen', ends: 'later', capacity: 'veel', location: 'Zaal 2' });
    const back = await core.bot.action(hr, { action: 'manage.edit.submit', value: w.id, form: { title: 'Nieuw', starts: '2027-03-16T10:00', ends: '16-03-2027 9:00', capacity: '5' } });
    expect(back.messages[0]!.text).toContain('Het einde moet na het begin komen.');
    expect((await db.prisma.workshop.findUniqueOrThrow({ where: { id: w.id } })).title).toBe(w.title);
  });

  it('cancelling tells everyone, voids reminders and closes sign-up', async () => {
    const { hr, w, people } = await setup(1, 2);
    const r = await core.bot.action(hr, { action: 'manage.cancel', value: w.id });
    expect(r.messages[0]!.text).toContain('is afgelast');
    expect(await db.prisma.outboxMessage.count({ where: { kind: 'workshop.cancelled', payload: { path: ['workshopId'], equals: w.id } } })).toBe(2);
    expect(await db.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: `workshop-reminder:${w.id}:` }, status: 'PENDING' } })).toBe(0);
    const late = await anActor(db, core, (await aPerson(db)).id);
    expect((await core.bot.action(late, { action: 'workshop.signup', value: JSON.stringify({ w: w.id, q: '', o: 0 }) })).messages[0]!.text).toContain('gaat niet door');
    const msg = await core.bot.compose('workshop.cancelled', { workshopId: w.id }, people[0]!);
    expect(msg?.text).toContain('gaat niet door');
  });

  it('marks attendance after the start, once per person, and records it as engagement', async () => {
    const { hr, w, people } = await setup(3, 3);
    clock.current = new Date('2027-03-16T12:00:00Z');
    try {
      const list = await core.bot.text(hr, 'workshops beheren');
      expect(buttons(list).some((b) => b.action === 'manage.attendance' && b.value === w.id)).toBe(true);
      const present = [people[0]!.person.id, people[2]!.person.id, '00000000-0000-4000-8000-000000000000'];
      const r = await core.bot.action(hr, { action: 'manage.attendance.submit', value: w.id, form: { present } });
      expect(r.messages[0]!.text).toContain('2 aanwezig');
      await core.bot.action(hr, { action: 'manage.attendance.submit', value: w.id, form: { present } });
      const rows = await db.prisma.signup.findMany({ where: { workshopId: w.id }, orderBy: { createdAt: 'asc' } });
      expect(rows.map((s) => s.attended)).toEqual([true, false, true]);
      expect(await db.prisma.engagementEvent.count({ where: { kind: 'workshop.attended', refId: w.id } })).toBe(2);
    } finally {
      clock.current = new Date('2027-03-01T09:00:00Z');
    }
  });
});
