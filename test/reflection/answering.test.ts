import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { BACKENDS, testDatabase } from '../support/db.js';
import { FixedClock, testCore } from '../support/builders.js';
import { deliveryOf, inbox, shown, someone, withLibrary, type TestCore } from './support.js';

describe.each(BACKENDS)('answering reflection prompts on %s', (backend) => {
  let db: Database;
  let core: TestCore;
  const clock = new FixedClock(new Date('2027-03-02T09:00:00Z')); // Tuesday 10:00 in Amsterdam

  beforeAll(async () => {
    db = await testDatabase(backend);
    core = testCore(db, clock);
    await withLibrary(db);
  });
  afterAll(async () => db?.close());

  const scenario = async () => (await db.prisma.prompt.findUniqueOrThrow({ where: { key: 'zelfinzicht-07' } })).id;

  it('gives a prompt on demand; a typed answer is stored privately and thanked without judging', async () => {
    const { person, actor } = await someone(db, core);
    const ask = await core.bot.text(actor, 'reflectie');
    expect(shown(ask)).toContain('Even nadenken');
    expect(shown(ask)).toContain('Alleen jij kunt het lezen');
    const id = deliveryOf(ask);
    const answer = await core.bot.text(actor, 'Ik heb Sanne geholpen met de planning');
    expect(answer.messages[0]!.text).toBe('Dank je! Je antwoord staat in je eigen dossier.');
    const d = await db.prisma.promptDelivery.findUniqueOrThrow({ where: { id }, include: { reflections: true } });
    expect(d).toMatchObject({ personId: person.id, status: 'ANSWERED', reason: 'ON_DEMAND' });
    expect(d.reflections.map((r) => r.text)).toEqual(['Ik heb Sanne geholpen met de planning']);
    expect(await db.prisma.engagementEvent.count({ where: { personId: person.id, kind: 'prompt.answered' } })).toBe(1);

    // A very different answer gets exactly the same reply: the bot never comments on content.
    await core.bot.text(actor, 'reflectie');
    const other = await core.bot.text(actor, 'Niks. Het was een slechte week en ik baal ervan.');
    expect(other.messages[0]!.text).toBe(answer.messages[0]!.text);
    // Nothing is waiting any more: free text is not taken as an answer.
    expect(shown(await core.bot.text(actor, 'zomaar wat tekst'))).toContain('Dat begrijp ik niet');
  });

  it('asks a scenario’s follow-up question, and the second answer closes it', async () => {
    const { person, actor } = await someone(db, core);
    const id = await core.ctx.reflections.createDelivery(person.id, await scenario(), 'ON_DEMAND', clock.now());
    const first = await core.bot.text(actor, 'Ik vraag een collega om mee te kijken');
    expect(shown(first)).toContain('Denk aan de laatste keer dat iets nieuw was. Wat hielp je toen?');
    expect((await db.prisma.promptDelivery.findUniqueOrThrow({ where: { id } })).status).toBe('SENT');
    const second = await core.bot.text(actor, 'Een goede uitleg');
    expect(second.messages[0]!.text).toContain('Dank je');
    const rows = await db.prisma.reflection.findMany({ where: { deliveryId: id }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.text, r.isFollowUp])).toEqual([
      ['Ik vraag een collega om mee te kijken', false],
      ['Een goede uitleg', true],
    ]);
    expect((await db.prisma.promptDelivery.findUniqueOrThrow({ where: { id } })).status).toBe('ANSWERED');
    expect(await db.prisma.engagementEvent.count({ where: { personId: person.id, kind: 'prompt.answered' } })).toBe(1);
  });

  it('takes a quick 1–5 scale, and an answer submitted in the form (Teams card input, Slack modal)', async () => {
    const { person, actor } = await someone(db, core);
    const id = deliveryOf(await core.bot.text(actor, 'reflectie'));
    const r = await core.bot.action(actor, { action: 'reflect.scale', value: `${id}:4` });
    expect(r.update?.text).toBe('Dank je! Je koos 4. Dat staat in je eigen dossier.');
    expect((await db.prisma.reflection.findFirstOrThrow({ where: { deliveryId: id } })).scale).toBe(4);
    expect(shown(await core.bot.action(actor, { action: 'reflect.scale', value: `${id}:2` }))).toContain('al klaar');
    expect(shown(await core.bot.action(actor, { action: 'reflect.scale', value: `${id}:9` }))).toContain('niet (meer) vinden');

    const sid = await core.ctx.reflections.createDelivery(person.id, await scenario(), 'ON_DEMAND', clock.now());
    const f1 = await core.bot.action(actor, { action: 'reflect.answer', value: sid, form: { answer: 'Eerst rustig lezen' } });
    expect(shown(f1)).toContain('Wat hielp je toen?');
    const f2 = await core.bot.action(actor, { action: 'reflect.answer', value: sid, form: { answer: 'Een collega' } });
    expect(f2.messages[0]!.text).toContain('Dank je');
    expect(await db.prisma.reflection.count({ where: { deliveryId: sid } })).toBe(2);
  });

  it('skips: the prompt closes, counts as skipped, and later text is not taken as its answer', async () => {
    const { person, actor } = await someone(db, core);
    const id = deliveryOf(await core.bot.text(actor, 'reflectie'));
    const r = await core.bot.action(actor, { action: 'reflect.skip', value: id });
    expect(r.update?.text).toBe('Prima, we slaan deze over.');
    expect((await db.prisma.promptDelivery.findUniqueOrThrow({ where: { id } })).status).toBe('SKIPPED');
    expect(await db.prisma.engagementEvent.count({ where: { personId: person.id, kind: 'prompt.skipped' } })).toBe(1);
    expect(shown(await core.bot.text(actor, 'toch een antwoord'))).toContain('Dat begrijp ik niet');
    expect(await db.prisma.reflection.count({ where: { personId: person.id } })).toBe(0);
  });

  it('"later" snoozes to the next working day and asks again then, through the outbox', async () => {
    clock.current = new Date('2027-03-02T09:00:00Z');
    const { person, actor } = await someone(db, core);
    const ask = await core.bot.text(actor, 'reflectie');
    const id = deliveryOf(ask);
    const r = await core.bot.action(actor, { action: 'reflect.later', value: id });
    expect(r.update?.text).toBe('Goed. Ik vraag het je woensdag om 10:00 nog een keer.');
    const row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { personId: person.id, kind: 'prompt.snoozed' } });
    expect(row.nextAttemptAt.toISOString()).toBe('2027-03-03T09:00:00.000Z');
    // While snoozed, free text is not an answer, and nothing arrives before the time.
    expect(shown(await core.bot.text(actor, 'iets anders'))).toContain('Dat begrijp ik niet');
    expect(await inbox(db, core, person.id)).toHaveLength(0);

    clock.current = new Date('2027-03-03T09:00:00Z');
    const again = await inbox(db, core, person.id);
    expect(again).toHaveLength(1);
    expect(shown(again[0])).toContain('Hier is hij weer');
    expect(deliveryOf(again[0]!)).toBe(id);
    expect(again[0]!.text).toContain(ask.messages[0]!.text);
    await core.bot.text(actor, 'Nu heb ik tijd');
    expect((await db.prisma.promptDelivery.findUniqueOrThrow({ where: { id } })).status).not.toBe('SNOOZED');
    expect(await db.prisma.reflection.count({ where: { deliveryId: id } })).toBe(1);
  });

  it('speaks English to an English-speaking person, everywhere', async () => {
    clock.current = new Date('2027-03-02T09:00:00Z');
    const { actor } = await someone(db, core, { locale: 'en' });
    const ask = await core.bot.text(actor, 'reflect');
    expect(shown(ask)).toContain('A moment to think');
    expect(shown(ask)).toContain('Only you can read it');
    expect(shown(ask)).toContain('Short on time? Pick a number.');
    expect((await core.bot.action(actor, { action: 'reflect.later', value: deliveryOf(ask) })).update?.text).toBe(
      'OK. I will ask you again on Wednesday at 10:00.',
    );
    await core.bot.text(actor, 'reflect');
    expect((await core.bot.text(actor, 'I helped a colleague')).messages[0]!.text).toBe('Thank you! Your answer is in your own dossier.');
  });

  it('composes no proactive prompt for a paused person or one who opted out of prompts', async () => {
    const { person, actor } = await someone(db, core);
    await core.bot.text(actor, 'pauze');
    const paused = { ...actor, person: { ...actor.person, paused: true } };
    expect(await core.bot.compose('prompt.scheduled', { slot: '2027-03-02' }, paused)).toBeNull();
    await core.bot.text(actor, 'start');
    await db.prisma.person.update({ where: { id: person.id }, data: { optOuts: ['prompts'] } });
    expect(await core.bot.compose('prompt.scheduled', { slot: '2027-03-02' }, actor)).toBeNull();
    await db.prisma.person.update({ where: { id: person.id }, data: { optOuts: [] } });
    const m = await core.bot.compose('prompt.scheduled', { slot: '2027-03-02' }, actor);
    expect(shown(m)).toContain('Even nadenken');
    // Composed twice (a retried send) it is still one delivery.
    expect(deliveryOf((await core.bot.compose('prompt.scheduled', { slot: '2027-03-02' }, actor))!)).toBe(deliveryOf(m!));
    expect(await db.prisma.promptDelivery.count({ where: { personId: person.id, reason: 'SCHEDULE' } })).toBe(1);
  });
});
