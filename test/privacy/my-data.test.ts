import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/messages.js';
import type { Database } from '../../src/db/database.js';
import { BACKENDS, testDatabase } from '../support/db.js';
import { aPerson, aWorkshop, anActor, FixedClock, testCore } from '../support/builders.js';

const links = (r: Reply) =>
  r.messages.flatMap((m) => m.blocks).flatMap((b) => (b.type === 'actions' ? b.buttons : [])).filter((b) => b.url).map((b) => b.url!);

describe.each(BACKENDS)('mijn gegevens on %s', (backend) => {
  let db: Database;
  let core: ReturnType<typeof testCore>;
  beforeAll(async () => {
    db = await testDatabase(backend);
    core = testCore(db, new FixedClock(new Date('2027-03-01T09:00:00Z')));
  });
  afterAll(async () => db?.close());

  it('exports everything stored about me as JSON and Markdown, behind one-time links, and audits it', async () => {
    const me = await anActor(db, core, (await aPerson(db, { name: 'Fatima Bakker', skills: ['excel'] })).id);
    const other = await anActor(db, core, (await aPerson(db, { name: 'Iemand Anders' })).id);
    const w = await aWorkshop(db, { title: 'Excel voor beginners' });
    await core.workshops.signUp(me, { w: w.id, q: '', o: 0 });
    await db.prisma.reflection.create({ data: { personId: me.person.id, text: 'Mijn geheime gedachte' } });
    await db.prisma.reflection.create({ data: { personId: other.person.id, text: 'Niet van mij' } });

    const overview = await core.bot.text(me, 'mijn gegevens');
    expect(overview.messages[0]!.text).toBe('Mijn gegevens');
    expect(JSON.stringify(overview)).toContain('1 aanmelding, 1 reflectie, 0 klussen');
    const exported = await core.bot.action(me, { action: 'data.export', value: '' });
    const urls = links(exported);
    expect(urls).toHaveLength(2);
    const files = await Promise.all(
      urls.map(async (u) => {
        const token = u.split('/downloads/')[1]!;
        return core.ctx.downloads.take(token, new Date('2027-03-01T09:10:00Z'));
      }),
    );
    const md = new TextDecoder().decode(files[0]!.content);
    const json = JSON.parse(new TextDecoder().decode(files[1]!.content));
    expect(md).toContain('# Wat Vliegwiel over Fatima Bakker weet');
    expect(md).toContain('Mijn geheime gedachte');
    expect(md).toContain('Excel voor beginners');
    expect(md).not.toContain('Niet van mij');
    expect(json.person.name).toBe('Fatima Bakker');
    expect(json.reflections.map((r: { text: string }) => r.text)).toEqual(['Mijn geheime gedachte']);
    expect(json.skills.map((s: { skill: string }) => s.skill)).toEqual(['excel']);
    // Used once: the same link does not work twice.
    expect(await core.ctx.downloads.take(urls[0]!.split('/downloads/')[1]!, new Date('2027-03-01T09:11:00Z'))).toBeNull();
    expect(await db.prisma.auditLog.count({ where: { action: 'privacy.export', subject: me.person.id } })).toBe(1);
  });

  it('erases after confirmation: reflections gone, past sign-ups kept anonymously, future seats given back', async () => {
    const me = await anActor(db, core, (await aPerson(db, { name: 'Wis Mij', email: `wis-${backend}@x.example` })).id);
    const w = await aWorkshop(db, { capacity: 5 });
    await core.workshops.signUp(me, { w: w.id, q: '', o: 0 });
    // A workshop still to come, full, with someone waiting: the seat goes to them.
    const future = await aWorkshop(db, { capacity: 1, startsAt: new Date('2027-04-20T09:00:00Z') });
    const waiting = await anActor(db, core, (await aPerson(db)).id);
    await core.workshops.signUp(me, { w: future.id, q: '', o: 0 });
    await core.workshops.signUp(waiting, { w: future.id, q: '', o: 0 });
    // Time passes: the first workshop is history now.
    await db.prisma.workshop.update({ where: { id: w.id }, data: { startsAt: new Date('2027-02-01T09:00:00Z'), endsAt: new Date('2027-02-01T11:00:00Z') } });
    await db.prisma.reflection.create({ data: { personId: me.person.id, text: 'weg ermee' } });
    const overview = await core.bot.text(me, 'my data');
    const erase = overview.messages[0]!.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).find((b) => b.action === 'data.erase');
    expect(erase?.confirm).toBeDefined();
    const r = await core.bot.action(me, { action: 'data.erase', value: '' });
    expect(r.messages[0]!.text).toContain('gewist');
    expect(await db.prisma.reflection.count({ where: { personId: me.person.id } })).toBe(0);
    const person = await db.prisma.person.findUniqueOrThrow({ where: { id: me.person.id } });
    expect(person.email).toBeNull();
    expect(person.name).not.toBe('Wis Mij');
    expect(person.erasedAt).not.toBeNull();
    const signups = await db.prisma.signup.findMany({ where: { workshopId: w.id } });
    expect(signups).toHaveLength(1);
    expect(signups[0]!.personId).toBeNull();
    expect((await db.prisma.workshop.findUniqueOrThrow({ where: { id: w.id } })).confirmedCount).toBe(1);
    expect(await db.prisma.channelIdentity.count({ where: { personId: me.person.id } })).toBe(0);
    expect(await core.ctx.workshops.signupStatus(future.id, waiting.person.id)).toBe('CONFIRMED');
    expect(await db.prisma.auditLog.count({ where: { action: 'privacy.erase', subject: me.person.id } })).toBe(1);
  });
});
