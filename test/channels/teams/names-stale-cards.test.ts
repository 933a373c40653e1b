import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aPerson, aWorkshop } from '../../support/builders.js';
import { aTeamsUser, installActivity, invokeActivity, messageActivity } from './support/activities.js';
import { actionsOf, buttonNamed, cardProblems, cardsOf, cardText } from './support/cards.js';
import { startTeamsBot, type TeamsBot } from './support/harness.js';

describe('Teams: names from the best source, and clicks on old cards (real botbuilder against a fake connector)', () => {
  let bot: TeamsBot;

  beforeAll(async () => {
    bot = await startTeamsBot();
    await aWorkshop(bot.db, { title: 'Snoeien in de winter', capacity: 10 });
  });
  afterAll(async () => bot?.stop());
  beforeEach(() => bot.fake.clear());

  const personOf = async (aad: string) => {
    const id = await bot.db.prisma.channelIdentity.findFirstOrThrow({ where: { userId: aad } });
    return bot.db.prisma.person.findUniqueOrThrow({ where: { id: id.personId } });
  };

  it('corrects a name that was only the Entra object id once an activity brings the real one, with language and time zone', async () => {
    // The install event of the Agents Playground: no name, no locale.
    const user = aTeamsUser({ name: '', locale: '' });
    await bot.post({ ...installActivity(bot.fake.serviceUrl, user), localTimezone: undefined });
    const first = await personOf(user.aadObjectId);
    expect(first.name).toBe(user.aadObjectId);
    expect(first.locale).toBeNull();

    await bot.post(messageActivity(bot.fake.serviceUrl, { ...user, name: 'Sanne de Vries', locale: 'en-GB' }, 'help'));
    const later = await personOf(user.aadObjectId);
    expect(later).toMatchObject({ name: 'Sanne de Vries', nameSource: 'activity', locale: 'en', timezone: 'Europe/Amsterdam' });

    // Another activity does not undo it, and a language the person chose stays theirs.
    await bot.post(messageActivity(bot.fake.serviceUrl, { ...user, name: 'Sanne de Vries', locale: 'en-GB' }, 'taal nl'));
    await bot.post(messageActivity(bot.fake.serviceUrl, { ...user, name: user.aadObjectId, locale: 'en-GB' }, 'help'));
    expect(await personOf(user.aadObjectId)).toMatchObject({ name: 'Sanne de Vries', locale: 'nl' });
  });

  it('takes the roster’s name over the activity’s at first contact, and never overwrites an imported name', async () => {
    const user = aTeamsUser({ name: 'sanne' });
    bot.fake.roster.set(user.id, { id: user.id, name: 'Sanne Jansen', aadObjectId: user.aadObjectId });
    await bot.post(installActivity(bot.fake.serviceUrl, user));
    expect(await personOf(user.aadObjectId)).toMatchObject({ name: 'Sanne Jansen', nameSource: 'roster' });

    const imported = await aPerson(bot.db, { name: 'Kees van Dalen', email: 'kees.teams@gemeente.nl' });
    const kees = aTeamsUser({ name: 'KvD' });
    bot.fake.roster.set(kees.id, { id: kees.id, name: 'Kees D.', aadObjectId: kees.aadObjectId, email: 'kees.teams@gemeente.nl' });
    await bot.post(installActivity(bot.fake.serviceUrl, kees));
    expect((await personOf(kees.aadObjectId)).id).toBe(imported.id);
    expect((await personOf(kees.aadObjectId)).name).toBe('Kees van Dalen');
  });

  it('answers Afmelden on an old card in the redrawn list, keeping every button', async () => {
    const user = aTeamsUser();
    const posted = async (text: string) => {
      const before = bot.fake.activities().length;
      await bot.post(messageActivity(bot.fake.serviceUrl, user, text));
      return cardsOf(bot.fake.activities()[before]!.activity)[0]!;
    };
    const list = await posted('workshops');
    const signedUp = (await bot.post(invokeActivity(bot.fake.serviceUrl, user, ...verbData(buttonNamed(list, 'Aanmelden'))))).body as { value: unknown };
    const oldCard = signedUp.value;
    const cancel = buttonNamed(oldCard, 'Afmelden');
    // Cancelled elsewhere (another device, "mijn"), then Afmelden on the old card.
    await bot.post(invokeActivity(bot.fake.serviceUrl, user, cancel.verb, cancel.data));
    const res = await bot.post(invokeActivity(bot.fake.serviceUrl, user, cancel.verb, cancel.data));
    const card = (res.body as { value: unknown }).value;
    expect(cardText(card)).toContain('Je stond niet ingeschreven voor deze workshop.');
    expect(cardText(card)).toContain('Snoeien in de winter');
    expect(actionsOf(card).length).toBeGreaterThan(0);
    expect(() => buttonNamed(card, 'Aanmelden')).not.toThrow();
    expect(cardProblems(card)).toEqual([]);
  });

  it('posts the dossier download as a message of its own and leaves the dossier card as it was', async () => {
    const user = aTeamsUser();
    const before = bot.fake.activities().length;
    await bot.post(messageActivity(bot.fake.serviceUrl, user, 'dossier'));
    const dossier = cardsOf(bot.fake.activities()[before]!.activity)[0]!;
    const download = buttonNamed(dossier, 'Download als bestand');
    const mark = bot.fake.activities().length;
    const res = await bot.post(invokeActivity(bot.fake.serviceUrl, user, download.verb, download.data));
    const card = (res.body as { value: unknown }).value;
    expect(cardText(card)).toBe(cardText(dossier));
    const extra = bot.fake.activities().slice(mark).map((a) => JSON.stringify(a.activity));
    expect(extra.some((a) => a.includes('/downloads/'))).toBe(true);
  });
});

const verbData = (b: { verb: string; data: Record<string, unknown> }) => [b.verb, b.data] as const;
