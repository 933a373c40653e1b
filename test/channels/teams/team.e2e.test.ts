import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfLocalDay } from '../../../src/core/time.js';
import { aWorkshop } from '../../support/builders.js';
import { importDepotTeam } from '../../team/support.js';
import { aTeamsUser, invokeActivity, messageActivity, type TeamsUser } from './support/activities.js';
import { actionsOf, buttonNamed, cardProblems, cardsOf, cardText } from './support/cards.js';
import { startTeamsBot, type TeamsBot } from './support/harness.js';

async function soon<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a depot team without chat accounts, its team leader in Teams (the whole bot, fake connector)', () => {
  let bot: TeamsBot;
  let leader: TeamsUser;
  let team: Awaited<ReturnType<typeof importDepotTeam>>;
  let workshop: { id: string; title: string };

  beforeAll(async () => {
    bot = await startTeamsBot();
    leader = aTeamsUser({ name: 'Lotte Groenhuis' });
    team = await importDepotTeam(bot.db, { platform: 'teams', userId: leader.aadObjectId, email: 'lotte.groenhuis@werf.example', name: leader.name });
    const startsAt = new Date(startOfLocalDay(new Date(), 'Europe/Amsterdam', 1).getTime() + 8 * 3600_000);
    const w = await aWorkshop(bot.db, { title: 'Snoeien met de hoogwerker', capacity: 1, startsAt });
    workshop = await bot.db.prisma.workshop.update({ where: { id: w.id }, data: { location: 'Werf Noord' } });
  });
  afterAll(async () => bot?.stop());

  async function say(text: string) {
    const before = bot.fake.activities().length;
    const res = await bot.post(messageActivity(bot.fake.serviceUrl, leader, text));
    expect(res.status).toBe(200);
    const posted = bot.fake.activities().slice(before);
    expect(posted).toHaveLength(1);
    return cardsOf(posted[0]!.activity)[0]!;
  }

  /** Action.Execute on the card: the invoke answers with the redrawn card. */
  async function press(card: unknown, title: string, within?: string) {
    const action = within
      ? actionsOf(card, 'Action.Execute').find((a) => a.title === title && JSON.stringify(a.data).includes(within))
      : buttonNamed(card, title);
    expect(action, `button ${title}`).toBeDefined();
    const { verb, data } = action as { verb: string; data: Record<string, unknown> };
    const res = await bot.post(invokeActivity(bot.fake.serviceUrl, leader, verb, data));
    expect(res.status).toBe(200);
    const next = (res.body as { value: unknown }).value;
    expect(cardProblems(next)).toEqual([]);
    return next;
  }

  it('“mijn team” answers with the week to read aloud, a valid card', async () => {
    const card = await say('mijn team');
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Om voor te lezen bij de start van de dag');
    expect(text).toContain('Snoeien met de hoogwerker');
    expect(text).toContain('om 08:00, in Werf Noord.');
    expect(text).toContain('Er is nog 1 plek.');
  });

  it('signs two members up for them: one gets the seat, the other the waitlist; both “aangemeld door” the leader', async () => {
    const [a, b] = team.members;
    for (const m of [a!, b!]) {
      const members = await press(await say('my team'), 'Iemand aanmelden');
      expect(actionsOf(members, 'Action.Execute').filter((x) => x.title === 'Kies')).toHaveLength(4);
      const list = await press(members, 'Kies', m.id);
      const ask = await press(list, 'Aanmelden', workshop.id);
      expect(cardText(ask)).toContain(`Heeft ${m.name} gezegd dat die mee wil naar “${workshop.title}”?`);
      const done = await press(ask, 'Ja, meld aan');
      expect(cardText(done)).toMatch(new RegExp(`${m.name} (is aangemeld|staat op de wachtlijst)`));
    }
    const rows = await bot.db.prisma.signup.findMany({ where: { workshopId: workshop.id } });
    expect(rows.map((r) => [r.personId, r.status, r.signedUpById])).toEqual(
      expect.arrayContaining([
        [a!.id, 'CONFIRMED', team.leader.id],
        [b!.id, 'WAITLISTED', team.leader.id],
      ]),
    );
  });

  it('cancelling for the first member promotes the second, and the leader hears it in Teams (through the outbox)', async () => {
    const [a, b] = team.members;
    const list = await press(await press(await say('mijn team'), 'Iemand aanmelden'), 'Kies', a!.id);
    const done = await press(await press(list, 'Afmelden', workshop.id), 'Ja, meld af');
    expect(cardText(done)).toContain(`${a!.name} is afgemeld voor “${workshop.title}”.`);
    const relayed = await soon(() =>
      bot.fake.activities().find((x) => x.conversationId === leader.conversationId && JSON.stringify(x.activity).includes(`Voor ${b!.name}. Die heeft geen chat.`)),
    );
    expect(JSON.stringify(relayed.activity)).toContain(`Je bent nu aangemeld voor “${workshop.title}”`);
    expect(await bot.db.prisma.signup.findFirstOrThrow({ where: { workshopId: workshop.id, personId: b!.id } })).toMatchObject({ status: 'CONFIRMED' });
  });

  it('sends the day-before list to the leader in Teams', async () => {
    const today = startOfLocalDay(new Date(), 'Europe/Amsterdam');
    await bot.running.core.team.planTomorrow(new Date(today.getTime() + 15 * 3600_000));
    const list = await soon(() =>
      bot.fake.activities().find((x) => x.conversationId === leader.conversationId && JSON.stringify(x.activity).includes('Wie van je team gaat morgen waarheen')),
    );
    const b = team.members[1]!;
    expect(JSON.stringify(list.activity)).toContain(`${b.name}: ${workshop.title}, 08:00–10:00, Werf Noord.`);
  });

  it('refuses a forged button for someone outside the team', async () => {
    const stranger = await bot.db.prisma.person.create({ data: { name: 'Niet van het team', locale: 'nl' } });
    const res = await bot.post(
      invokeActivity(bot.fake.serviceUrl, leader, 'team.confirm', { value: JSON.stringify({ p: stranger.id, w: workshop.id, c: 'signup' }) }),
    );
    expect(res.status).toBe(200);
    expect(await bot.db.prisma.signup.count({ where: { personId: stranger.id } })).toBe(0);
  });
});
