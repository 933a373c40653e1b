import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aWorkshop } from '../../support/builders.js';
import { aTeamsUser, invokeActivity, messageActivity, type TeamsUser } from './support/activities.js';
import { actionsOf, buttonNamed, cardProblems, cardsOf, cardText } from './support/cards.js';
import { startTeamsBot, type TeamsBot } from './support/harness.js';

describe('Teams Action.Execute sign-up: the invoke answers with the clicked workshop redrawn', () => {
  let bot: TeamsBot;
  let workshop: { id: string; title: string };

  beforeAll(async () => {
    bot = await startTeamsBot();
    workshop = await aWorkshop(bot.db, { title: 'Eén plek', capacity: 1 });
  });
  afterAll(async () => bot?.stop());

  async function signUp(user: TeamsUser) {
    const list = await bot.post(messageActivity(bot.fake.serviceUrl, user, 'workshops'));
    expect(list.status).toBe(200);
    const card = cardsOf(bot.fake.activities().filter((a) => a.conversationId === user.conversationId).at(-1)!.activity)[0]!;
    const before = bot.fake.activities().length;
    const click = actionsOf(card, 'Action.Execute').find((a) => a.verb === 'workshop.signup' && String((a.data as { value: string }).value).includes(workshop.id))!;
    const res = await bot.post(invokeActivity(bot.fake.serviceUrl, user, 'workshop.signup', click.data as Record<string, unknown>));
    expect(res.status).toBe(200);
    return { card: (res.body as { value: unknown }).value, posted: bot.fake.activities().slice(before) };
  }

  it('confirms in the card itself: notice, status, cancel and calendar, and a way back to the list; nothing else is posted', async () => {
    const { card, posted } = await signUp(aTeamsUser());
    const text = cardText(card);
    expect(text).toContain(`Je bent aangemeld voor “${workshop.title}”`);
    expect(text).toContain('✅ Je bent aangemeld');
    expect(cardProblems(card)).toEqual([]);
    const verbs = actionsOf(card, 'Action.Execute').map((a) => a.verb);
    expect(verbs).toEqual(expect.arrayContaining(['workshop.cancel', 'workshops.page']));
    expect(JSON.stringify(card)).toContain('Zet in je agenda');
    expect(posted).toEqual([]);
  });

  it('tells the next person their waitlist place in the card, and the way back redraws the whole list', async () => {
    const user = aTeamsUser({ locale: 'en-GB' });
    const { card, posted } = await signUp(user);
    expect(cardText(card)).toContain('You are on the waitlist, at position 1');
    expect(posted).toEqual([]);
    const back = buttonNamed(card, 'Back to the list');
    const res = await bot.post(invokeActivity(bot.fake.serviceUrl, user, back.verb, back.data));
    const list = (res.body as { value: unknown }).value;
    expect(cardText(list)).toContain('Workshops');
    expect(cardText(list)).toContain(workshop.title);
    expect(await bot.db.prisma.signup.count({ where: { workshopId: workshop.id, status: 'WAITLISTED' } })).toBe(1);
  });
});
