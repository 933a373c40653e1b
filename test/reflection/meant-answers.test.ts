import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { BACKENDS, testDatabase } from '../support/db.js';
import { FixedClock, testCore } from '../support/builders.js';
import { buttonValue, deliveryOf, shown, someone, withLibrary, type TestCore } from './support.js';

describe.each(BACKENDS)('an answer is an answer only when meant, on %s', (backend) => {
  let db: Database;
  let core: TestCore;
  const clock = new FixedClock(new Date('2027-03-02T09:00:00Z'));

  beforeAll(async () => {
    db = await testDatabase(backend);
    core = testCore(db, clock);
    await withLibrary(db);
  });
  afterAll(async () => db?.close());

  const texts = async (deliveryId: string) =>
    (await db.prisma.reflection.findMany({ where: { deliveryId }, orderBy: { createdAt: 'asc' } })).map((r) => r.text);
  const open = async (personId: string, key: string) => {
    const p = await db.prisma.prompt.findUniqueOrThrow({ where: { key } });
    return core.ctx.reflections.createDelivery(personId, p.id, 'ON_DEMAND', clock.now());
  };

  it('answers greetings and thanks without storing them, in Dutch and English', async () => {
    for (const [locale, hi, thanks, greeting, welcome] of [
      ['nl', 'hoi', 'bedankt!', 'Typ “help”', 'Graag gedaan!'],
      ['en', 'Hello!', 'thanks', 'Type “help”', 'You are welcome!'],
    ] as const) {
      clock.current = new Date('2027-03-02T09:00:00Z');
      const { person, actor } = await someone(db, core, { locale });
      const id = await open(person.id, 'zelfinzicht-02');
      expect(shown(await core.bot.text(actor, hi))).toContain(greeting);
      expect(shown(await core.bot.text(actor, thanks))).toContain(welcome);
      expect(await texts(id)).toEqual([]);
      expect((await db.prisma.promptDelivery.findUniqueOrThrow({ where: { id } })).status).toBe('SENT');
    }
  });

  it('asks "Is dit je antwoord op …?" for unclear text; Ja stores it, Nee drops it, typed ja works too', async () => {
    clock.current = new Date('2027-03-02T09:00:00Z');
    const { person, actor } = await someone(db, core);
    const id = await open(person.id, 'zelfinzicht-02');
    const ask = await core.bot.text(actor, 'asdf');
    expect(shown(ask)).toContain('Is dit je antwoord op “Welke taak gaat jou makkelijk af');
    expect(await texts(id)).toEqual([]);
    const no = await core.bot.action(actor, { action: 'reflect.discard', value: buttonValue(ask, 'reflect.discard') });
    expect(no.update?.text).toContain('Goed, dat bewaar ik niet');
    expect(await texts(id)).toEqual([]);

    // Hours later a full sentence is not taken for granted either; a typed "ja" confirms it.
    clock.current = new Date('2027-03-02T13:00:00Z');
    expect(shown(await core.bot.text(actor, 'Planning maken voor de ploeg'))).toContain('Is dit je antwoord op');
    expect(shown(await core.bot.text(actor, 'ja'))).toContain('Dank je!');
    expect(await texts(id)).toEqual(['Planning maken voor de ploeg']);
  });

  it('runs a command that was typed as an answer, and still lets it be saved as the answer', async () => {
    clock.current = new Date('2027-03-02T09:00:00Z');
    const { person, actor } = await someone(db, core);
    const id = await open(person.id, 'zelfinzicht-02');
    const r = await core.bot.text(actor, 'klussen buiten vind ik het leukst');
    expect(shown(r)).toContain('Klussen'); // the command ran
    expect(shown(r)).toContain('Was het ook je antwoord op');
    const saved = await core.bot.action(actor, { action: 'reflect.confirm', value: buttonValue(r, 'reflect.confirm') });
    expect(shown(saved)).toContain('Dank je!');
    expect(await texts(id)).toEqual(['klussen buiten vind ik het leukst']);
  });

  it('shows the scale only on scale questions; a typed number answers one', async () => {
    clock.current = new Date('2027-03-02T09:00:00Z');
    const { person, actor } = await someone(db, core);
    const openQ = await open(person.id, 'talent-01');
    const card = await core.bot.compose('prompt.snoozed', { deliveryId: openQ }, actor);
    expect(shown(card)).not.toContain('reflect.scale');
    expect(shown(await core.bot.action(actor, { action: 'reflect.scale', value: `${openQ}:4` }))).toContain('Die knop werkt niet meer');
    expect(await db.prisma.reflection.count({ where: { deliveryId: openQ } })).toBe(0);
    await core.bot.action(actor, { action: 'reflect.skip', value: openQ });

    const ask = await core.bot.text(actor, 'reflectie');
    expect(shown(ask)).toContain('reflect.scale');
    const id = deliveryOf(ask);
    expect(shown(await core.bot.text(actor, '4'))).toContain('Je koos 4');
    expect((await db.prisma.reflection.findFirstOrThrow({ where: { deliveryId: id } })).scale).toBe(4);
  });

  it('lets a question expire after a week: its form says so and free text is no longer taken', async () => {
    clock.current = new Date('2027-03-02T09:00:00Z');
    const { person, actor } = await someone(db, core, { locale: 'en' });
    const id = await open(person.id, 'zelfinzicht-02');
    clock.current = new Date('2027-03-10T09:00:00Z');
    expect(shown(await core.bot.action(actor, { action: 'reflect.answer', value: id, form: { answer: 'Late answer here' } }))).toContain(
      'This question has expired',
    );
    expect(shown(await core.bot.text(actor, 'I helped a colleague'))).toContain('I do not understand');
    expect((await db.prisma.promptDelivery.findUniqueOrThrow({ where: { id } })).status).toBe('EXPIRED');
  });

  it('shows a follow-up answer under its follow-up question in the dossier', async () => {
    clock.current = new Date('2027-03-02T09:00:00Z');
    const { person, actor } = await someone(db, core);
    await open(person.id, 'zelfinzicht-07');
    await core.bot.text(actor, 'Ik vraag een collega om mee te kijken');
    await core.bot.text(actor, 'Een goede uitleg van Sanne');
    const view = shown(await core.bot.text(actor, 'mijn dossier'));
    expect(view).toContain('Vervolgvraag: Denk aan de laatste keer dat iets nieuw was. Wat hielp je toen?\\nEen goede uitleg van Sanne');
  });
});
