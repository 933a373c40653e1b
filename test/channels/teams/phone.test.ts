import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTeamsUser, invokeActivity, messageActivity, type TeamsUser } from './support/activities.js';
import { buttonNamed, cardProblems, cardsOf, cardText } from './support/cards.js';
import { startTeamsBot, type TeamsBot } from './support/harness.js';
import { cutButtons, phoneHeight } from './support/phone.js';

type Json = Record<string, unknown>;

function walk(node: unknown, visit: (n: Json) => void) {
  if (Array.isArray(node)) for (const x of node) walk(x, visit);
  else if (node && typeof node === 'object') {
    visit(node as Json);
    for (const v of Object.values(node)) walk(v, visit);
  }
}
const inputs = (card: unknown) => {
  const found: Json[] = [];
  walk(card, (n) => typeof n.type === 'string' && n.type.startsWith('Input.') && found.push(n));
  return found;
};

describe('Teams cards fit a phone (layout estimated at 360 px from the card JSON; adaptivecards validates them)', () => {
  let bot: TeamsBot;

  beforeAll(async () => {
    bot = await startTeamsBot(() => ({ ADMIN_USERS: 'teams:5a0c4a51-9d1e-4f57-8d9b-2f6a7c3e1b11' }));
    const long = 'Help mee met dit werk. Je leert het vak van collega’s en je werkt een paar uur per week buiten je eigen team. '.repeat(2);
    await bot.db.prisma.klus.createMany({
      data: Array.from({ length: 6 }, (_, i) => ({
        key: `k-phone-${i}`, title: `Klus nummer ${i + 1}`, description: long, skills: ['excel', 'archief'], hoursPerWeek: 4,
        startsOn: new Date('2027-01-01'), endsOn: new Date('2027-06-30'),
      })),
    });
    await bot.db.prisma.prompt.create({ data: { key: 'p-phone', theme: 'leren', textNl: 'Welke klus buiten geeft jou het meeste plezier, en waarom juist die?', textEn: 'Which outdoor job do you enjoy most, and why?' } });
  });
  afterAll(async () => bot?.stop());

  async function card(user: TeamsUser, words: string): Promise<Json> {
    const before = bot.fake.activities().length;
    await bot.post(messageActivity(bot.fake.serviceUrl, user, words));
    return cardsOf(bot.fake.activities()[before]!.activity)[0]!;
  }

  it('pages six klussen: four a card, a next button, labels that are words', async () => {
    const user = aTeamsUser();
    const first = await card(user, 'klussen');
    expect(cardText(first).match(/Klus nummer \d/g)).toHaveLength(4);
    expect(phoneHeight(first)).toBeLessThan(1100);
    expect(cardText(first)).toContain('Tijd');
    expect(cardText(first)).not.toContain('⏱');
    expect(cutButtons(first)).toEqual([]);
    const next = buttonNamed(first, 'Volgende');
    const res = await bot.post(invokeActivity(bot.fake.serviceUrl, user, next.verb, next.data));
    const second = (res.body as { value: Json }).value;
    expect(cardText(second).match(/Klus nummer \d/g)).toHaveLength(2);
    expect(cardText(second)).toContain('Pagina 2 van 2');
    expect(cardProblems(second)).toEqual([]);
  });

  it('keeps the welcome buttons whole: none is cut to "Wor…"', async () => {
    const help = await card(aTeamsUser(), 'help');
    expect(cutButtons(help)).toEqual([]);
    expect(cardProblems(help)).toEqual([]);
  });

  it('shows a reflection question once, and its required-field error does not repeat it', async () => {
    const reflect = await card(aTeamsUser(), 'reflectie');
    const text = cardText(reflect);
    const question = 'Welke klus buiten geeft jou het meeste plezier, en waarom juist die?';
    expect(text.split(question).length - 1).toBe(1);
    const answer = inputs(reflect).find((i) => i.id === 'answer')!;
    expect(answer.label).toBe('Je antwoord');
    expect(String(answer.errorMessage)).not.toContain(question);
  });

  it('folds the broadcast form: five fields show, the rest open on request, departments as choices', async () => {
    const hr = aTeamsUser({ aadObjectId: '5a0c4a51-9d1e-4f57-8d9b-2f6a7c3e1b11' });
    await bot.db.prisma.person.create({ data: { name: 'Iemand', department: 'Buitendienst' } });
    const form = await card(hr, 'omroep');
    const visible: Json[] = [];
    const hidden: Json[] = [];
    walk(form, (n) => {
      if (n.type === 'Container' && n.isVisible === false) hidden.push(...inputs(n));
    });
    for (const i of inputs(form)) if (!hidden.includes(i)) visible.push(i);
    expect(visible.length).toBeLessThanOrEqual(5);
    expect(hidden.length).toBeGreaterThan(0);
    expect(JSON.stringify(form)).toContain('Action.ToggleVisibility');
    const departments = inputs(form).find((i) => i.id === 'departments')!;
    expect(departments.type).toBe('Input.ChoiceSet');
    expect(cardProblems(form)).toEqual([]);
  });
});
