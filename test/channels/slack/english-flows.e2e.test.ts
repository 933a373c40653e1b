import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src/channels/slack/render/message.js';
import { dutchWordsIn, withoutData } from '../../support/dutch-words.js';
import { allText } from './support/block-kit.js';
import { crawlSlack, fillModal } from './support/crawler.js';
import { startHarness, PRIYA, type Harness } from './support/harness.js';

type Json = Record<string, unknown>;
// The demo's team leader and HR adviser, here set to English (the demo has them in Dutch).
const RUUD = { id: 'U00PFUJ1BPV', name: 'Ruud Kooijman', email: 'manager@demo.vliegwiel.nl', locale: 'en-GB' };
const SANNE = { id: 'U022KWDNJNL', name: 'Sanne Verhoef', email: 'hr@demo.vliegwiel.nl', locale: 'en-GB' };

const WORDS = ['help', 'more', 'workshops', 'workshops tuesday', 'my', 'jobs', 'my jobs', 'skills', 'reflect', 'my dossier', 'goal', 'programme',
  'rhythm', 'pause', 'start', 'language de', 'hello', 'thanks', 'banana', 'my data'];
const PEOPLE = [
  { user: RUUD, words: ['post job', 'manage workshops', ...WORDS] },
  { user: SANNE, words: ['broadcast', 'report', 'campaigns', ...WORDS] },
  { user: PRIYA, words: WORDS },
];

/** English answers for every input of a modal, as an English person would type them. */
const fill = (view: Json) => fillModal(view, 'Making the park greener together');

/** Every string HR or the demo typed into the data: shown as typed, in whatever language it was written. */
async function typedData(h: Harness): Promise<string[]> {
  const p = h.db.prisma;
  const rows: unknown[] = [
    ...(await p.workshop.findMany()), ...(await p.klus.findMany()), ...(await p.organization.findMany()), ...(await p.person.findMany()),
    ...(await p.learningWeek.findMany()), ...(await p.nudgeCampaign.findMany()), ...(await p.personSkill.findMany()),
    ...(await p.directoryGroup.findMany()), ...(await p.region.findMany()),
  ];
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object' && !(v instanceof Date)) Object.values(v).forEach(walk);
  };
  rows.forEach(walk);
  // Long texts are shown clipped or a sentence at a time: their sentences count as typed data too.
  for (const s of [...out]) for (const part of s.split(/(?<=[.!?])\s+|\n+/)) out.add(part.trim());
  return [...out];
}

describe('an English person never reads Dutch (every flow in Slack, English employee, team leader and HR)', () => {
  let h: Harness;
  const texts: { from: string; text: string }[] = [];
  const clicked = new Set<string>();

  beforeAll(async () => {
    h = await startHarness();
    for (const u of [RUUD, SANNE]) h.fake.addUser(u);
    await h.db.prisma.person.updateMany({ where: { email: { in: [RUUD.email, SANNE.email, PRIYA.email] } }, data: { locale: 'en' } });
  });
  afterAll(async () => h?.close());

  const crawl = (user: { id: string }, words: string[]) =>
    crawlSlack(h, user, words, {
      maxSteps: 90,
      fill,
      clicked,
      onShown: ({ from, blocks, text }) => texts.push({ from, text: text === undefined ? allText(blocks) : `${allText(blocks)}\n${text}` }),
      // Erasing one's data ends the walk for that person; the erase confirmation itself is still read.
      skip: (action) => action === 'data.erase',
    });

  it('finds no Dutch word in any message, card, home tab or form shown to them', async () => {
    for (const p of PEOPLE) await crawl(p.user, p.words);
    // What the people typed themselves may come back quoted ("I do not know that language: “de”").
    // Messages the bot sends of its own accord (outbox) to these people, composed as they would be sent.
    for (const p of PEOPLE) {
      const actor = await h.core.bot.actorFor({ platform: 'SLACK', tenantId: 'T1', userId: p.user.id });
      for (const row of await h.db.prisma.outboxMessage.findMany({ where: { personId: actor.person.id } })) {
        const m = await h.core.bot.compose(row.kind, row.payload as Record<string, unknown>, actor);
        if (m) texts.push({ from: `outbox ${row.kind}`, text: renderMessage(m, 'en').map((r) => `${allText(r.blocks)}\n${r.text}`).join('\n') });
      }
    }
    expect(texts.filter((t) => t.from.startsWith('outbox')).length).toBeGreaterThan(3);
    const data = [...(await typedData(h)), ...PEOPLE.flatMap((p) => p.words.map((w) => `“${w.split(' ').at(-1)}”`))];
    const found = texts.map(({ from, text }) => ({ from, words: dutchWordsIn(text, data), text: withoutData(text, data) })).filter((f) => f.words.length > 0);
    const report = found.map((f) => `${f.from}: ${[...new Set(f.words)].join(', ')} — ${f.text.replace(/\s+/g, ' ').slice(0, 200)}`);
    expect([...new Set(report)]).toEqual([]);
    expect(clicked.size).toBeGreaterThan(40);
    expect(texts.map((t) => t.text).join('\n')).toContain('You are signed up');
  }, 240_000);
});
