import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toActivity } from '../../../src/channels/teams/cards/activity.js';
import { aPerson, aWorkshop } from '../../support/builders.js';
import { aTeamsUser, installActivity, invokeActivity, messageActivity, type TeamsUser } from './support/activities.js';
import { actionsOf, cardProblems, cardsOf, cardText } from './support/cards.js';
import { startTeamsBot, type TeamsBot } from './support/harness.js';
import { cutButtons, phoneHeight } from './support/phone.js';

type Json = Record<string, unknown>;

const COMMANDS = {
  nl: ['help', 'workshops', 'workshops excel', 'mijn', 'klussen', 'reflectie', 'pauze', 'start', 'klus plaatsen', 'omroep', 'mijn gegevens', 'waarom?'],
  en: ['help', 'workshops', 'my', 'jobs', 'reflect', 'pause', 'start', 'post job', 'broadcast', 'my data', 'why?'],
};

/**
 * Every card the bot can send: the welcome card, the answer to every command, and everything reachable by
 * clicking the buttons on those cards (as a user, or the held-out suite, would), in Dutch and in English.
 * Each one must pass the `adaptivecards` library and the checks it misses.
 */
describe('every Teams card the bot sends is a valid Adaptive Card 1.5', () => {
  let bot: TeamsBot;
  let holder: { personId: string; workshopId: string };
  const seen: { where: string; card: Json }[] = [];

  beforeAll(async () => {
    bot = await startTeamsBot();
    const workshops = [];
    for (let i = 1; i <= 7; i++)
      workshops.push(await aWorkshop(bot.db, { title: `Excel deel ${i}`, capacity: i === 1 ? 1 : 20, onlineUrl: i === 2 ? 'https://meet.example/x' : undefined }));
    // Someone else holds the only seat of "deel 1", so the crawlers meet a full workshop (waitlist button).
    const p = await aPerson(bot.db);
    const person = (await bot.running.core.ctx.people.findById(p.id))!;
    await bot.running.core.workshops.signUp({ person, locale: 'nl', platform: 'TEAMS' }, { w: workshops[0]!.id, q: '', o: 0 });
    holder = { personId: p.id, workshopId: workshops[0]!.id };
    await bot.db.prisma.klus.createMany({
      data: [
        { key: 'k-archief', title: 'Archief opruimen', description: 'Help het archief op orde.', skills: ['archief', 'excel'], hoursPerWeek: 4, startsOn: new Date('2027-01-01'), endsOn: new Date('2027-06-30') },
        { key: 'k-groen', title: 'Groenonderhoud', description: '', skills: [] },
      ],
    });
    await bot.db.prisma.prompt.create({
      data: { key: 'p-test', theme: 'leren', textNl: 'Wat heb je deze week geleerd?', textEn: 'What did you learn this week?' },
    });
  });
  afterAll(async () => bot?.stop());

  async function crawl(user: TeamsUser, commands: string[]) {
    const keep = (where: string, activities: { activity: Json }[]) => {
      for (const { activity } of activities) for (const card of cardsOf(activity)) seen.push({ where, card });
    };
    const queue: { verb: string; data: Json; from: string }[] = [];
    const enqueue = (card: Json, from: string) => {
      for (const a of actionsOf(card, 'Action.Execute')) queue.push({ verb: a.verb as string, data: a.data as Json, from });
    };
    const say = async (activity: unknown, where: string) => {
      const before = bot.fake.activities().length;
      const res = await bot.post(activity);
      expect(res.status, where).toBe(200);
      const posted = bot.fake.activities().slice(before);
      keep(where, posted);
      for (const p of posted) for (const c of cardsOf(p.activity)) enqueue(c, where);
      return res;
    };
    await say(installActivity(bot.fake.serviceUrl, user), 'install');
    for (const words of commands) await say(messageActivity(bot.fake.serviceUrl, user, words), `"${words}"`);
    const clicked = new Set<string>();
    while (queue.length && clicked.size < 80) {
      const { verb, data, from } = queue.shift()!;
      const key = `${verb} ${JSON.stringify(data)}`;
      if (clicked.has(key)) continue;
      clicked.add(key);
      const where = `${verb} (from ${from})`;
      const res = await say(invokeActivity(bot.fake.serviceUrl, user, verb, data), where);
      const body = res.body as { statusCode: number; type: string; value: Json };
      expect(body.type, where).toBe('application/vnd.microsoft.card.adaptive');
      seen.push({ where: `${where} → invoke response`, card: body.value });
      enqueue(body.value, where);
    }
    return clicked;
  }

  it('in Dutch and in English, following every button', async () => {
    const nl = await crawl(aTeamsUser({ locale: 'nl-NL' }), COMMANDS.nl);
    const en = await crawl(aTeamsUser({ locale: 'en-US' }), COMMANDS.en);
    // Following the bot's own buttons never ends in an internal error (the crash would be in the log with its id).
    const crashed = seen.filter((s) => /Er ging iets mis aan onze kant|Something went wrong on our side/.test(cardText(s.card)));
    expect(crashed.map((s) => s.where)).toEqual([]);
    const verbs = new Set([...nl, ...en].map((k) => k.split(' ')[0]));
    // The crawl reached the actions that matter, so the cards below include their answers.
    for (const v of ['workshop.signup', 'workshop.cancel', 'my.cancel', 'workshops.page', 'klus.interest', 'klus.withdraw', 'reflect.skip', 'settings.pause', 'nav.my'])
      expect(verbs, v).toContain(v);
    const problems = seen.flatMap(({ where, card }) => cardProblems(card).map((p) => `${where}: ${p}`));
    expect(problems).toEqual([]);
    const texts = seen.map((s) => cardText(s.card)).join('\n');
    expect(texts).toContain('Op wachtlijst');
    expect(texts).toContain('Join waitlist');
    expect(texts).toContain('You are signed up');
    expect(seen.length).toBeGreaterThan(40);
  });

  it('fits a phone: no button cut short, and one answer at most about two screens high', async () => {
    expect(seen.length).toBeGreaterThan(40);
    const cut = seen.flatMap(({ where, card }) => cutButtons(card).map((t) => `${where}: "${t}"`));
    expect([...new Set(cut)]).toEqual([]);
    const tall = seen.map(({ where, card }) => ({ where, h: Math.round(phoneHeight(card)) })).filter((x) => x.h > 1100);
    expect(tall).toEqual([]);
  });

  it('including proactive messages composed for the outbox (reminder, promotion)', async () => {
    const person = (await bot.running.core.ctx.people.findById(holder.personId))!;
    const actor = { person, locale: 'nl' as const, platform: 'TEAMS' as const };
    for (const [kind, when] of [['workshop.reminder', 'day'], ['workshop.reminder', 'hour'], ['workshop.promoted', '']] as const) {
      const m = await bot.running.core.bot.compose(kind, { workshopId: holder.workshopId, when }, actor);
      expect(m, kind).not.toBeNull();
      for (const card of cardsOf(toActivity(m!, 'nl') as Json)) expect(cardProblems(card), kind).toEqual([]);
    }
  });
});
