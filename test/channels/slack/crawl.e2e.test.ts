import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, blockProblems, modalProblems } from './support/block-kit.js';
import { crawlSlack, fillModal } from './support/crawler.js';
import { startHarness, KEES, PRIYA, type Harness } from './support/harness.js';

type Json = Record<string, unknown>;
const RUUD = { id: 'U00PFUJ1BPV', name: 'Ruud Kooijman', email: 'manager@demo.vliegwiel.nl', locale: 'nl-NL' };
const SANNE = { id: 'U022KWDNJNL', name: 'Sanne Verhoef', email: 'hr@demo.vliegwiel.nl', locale: 'nl-NL' };

const PEOPLE = [
  { user: KEES, words: ['help', 'workshops', 'workshops privacy', 'mijn', 'klussen', 'reflectie', 'pauze', 'start', 'mijn dossier', 'mijn gegevens'] },
  { user: RUUD, words: ['klus plaatsen', 'mijn'] },
  { user: SANNE, words: ['omroep', 'help'] },
  { user: PRIYA, words: ['help', 'workshops', 'my', 'jobs', 'reflect', 'pause', 'start', 'post job', 'my data'] },
];

/** A plausible answer for every input of a modal, as a person would fill it in. */
const fill = (view: Json) => fillModal(view, 'Samen de wijk groener maken');

describe('following every button the bot shows in Slack (Dutch and English)', () => {
  let h: Harness;
  const problems: string[] = [];
  const texts: string[] = [];
  const clicked = new Set<string>();
  let modals = 0;

  beforeAll(async () => {
    h = await startHarness();
    for (const u of [RUUD, SANNE]) h.fake.addUser(u);
  });
  afterAll(async () => h?.close());

  const crawl = (user: { id: string }, words: string[]) =>
    crawlSlack(h, user, words, {
      maxSteps: 70,
      fill,
      clicked,
      onShown: ({ surface, from, blocks, text }) => {
        if (surface === 'modal') {
          problems.push(...modalProblems(blocks as Json, from));
          modals++;
          return;
        }
        problems.push(...blockProblems(blocks, surface, from));
        texts.push(allText(blocks), ...(text === undefined ? [] : [text]));
      },
      onPress: (action, from) => {
        if (action !== 'form.open' && !h.core.bot.actionIds().includes(action)) problems.push(`${from}: button ${action} routes nowhere`);
      },
    });

  it('never breaks a Block Kit rule, never crashes, and reaches the actions that matter', async () => {
    for (const p of PEOPLE) await crawl(p.user, p.words);
    expect(problems).toEqual([]);
    const all = texts.join('\n');
    expect(all).not.toMatch(/Er ging iets mis aan onze kant|Something went wrong on our side/);
    expect(all).not.toMatch(/Dit formulier kan ik hier niet laten zien|I cannot show this form here/);
    const actions = new Set([...clicked].map((k) => k.split(' ')[1]));
    for (const a of ['workshop.signup', 'workshop.cancel', 'workshops.page', 'klus.interest', 'settings.pause', 'nav.workshops', 'form.open']) expect([...actions], a).toContain(a);
    expect(clicked.size).toBeGreaterThan(50);
    expect(modals).toBeGreaterThan(0);
    expect(all).toContain('Je bent aangemeld');
    expect(all).toContain('You are signed up');
  }, 180_000);
});
