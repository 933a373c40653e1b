import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formModal } from '../../src/channels/slack/render/modal.js';
import { renderMessage } from '../../src/channels/slack/render/message.js';
import { renderCard } from '../../src/channels/teams/cards/card.js';
import { renderText } from '../../src/console/render-text.js';
import type { Message, Reply } from '../../src/core/messages.js';
import type { Actor } from '../../src/core/people/person.js';
import type { Database } from '../../src/db/database.js';
import { blockProblems, modalProblems } from '../channels/slack/support/block-kit.js';
import { cardProblems } from '../channels/teams/support/cards.js';
import { aKlus, goodPost } from '../klussen/support.js';
import { aPerson, anActor, anOrganization, aWorkshop, FixedClock, testCore } from '../support/builders.js';
import { testEmbedded } from '../support/db.js';

/** What people type or are called, and what breaks careless renderers. */
const HOSTILE = [
  '😀👩🏽‍💻🇳🇱 Anouk ✨',
  'مرحبا بالعالم — שלום עולם',
  '\u202Egnp.exe\u202C Jan',
  'Hoi <@U123> en <!channel> <!here> <#C123|general>',
  '*vet* _schuin_ ~weg~ `code` ```blok```',
  '# Kop\n- lijst\n> citaat\n[link](https://evil.example) <https://evil.example|klik hier>',
  '<script>alert(1)</script> &amp; &lt; " \'',
  '{{name}} {title} %s ${x}',
  'Lang '.repeat(1200),
  'Piep\u0007\u001b[31m\u0000 nul',
];

/**
 * User text through the real use cases into every surface: stored names, goals, answers, klus posts,
 * motivations, broadcasts and filters, rendered for Slack (Block Kit, modals), Teams (Adaptive Cards) and the
 * console. Every result must be one the platform accepts, and no mention or ping typed by a user may survive.
 */
describe('hostile user text never breaks rendering', () => {
  let db: Database;
  let core: ReturnType<typeof testCore>;
  const shown: { where: string; message: Message }[] = [];
  const keep = (where: string, r: Reply) => {
    for (const m of [...(r.update ? [r.update] : []), ...r.messages]) shown.push({ where, message: m });
  };

  beforeAll(async () => {
    db = await testEmbedded();
    core = testCore(db, new FixedClock(new Date('2027-03-01T09:00:00Z')));
    const org = await anOrganization(db);
    const actor = async (over: Parameters<typeof aPerson>[1]): Promise<Actor> => anActor(db, core, (await aPerson(db, { organizationId: org.id, ...over })).id);
    const hr = await actor({ roles: ['HR'] });
    const owner = await actor({ roles: ['MANAGER'] });
    const workshop = await aWorkshop(db, { title: 'Excel' });
    const klus = await aKlus(db, { ownerId: owner.person.id, organizationId: org.id, skills: ['excel'] });
    const prompt = await db.prisma.prompt.create({ data: { key: 'hostile', theme: 'talent', textNl: 'Wat ging goed?', textEn: 'What went well?' } });
    for (const [i, h] of HOSTILE.entries()) {
      // A person called `h` who signs up, raises a hand with `h` as motivation, sets goals and answers.
      // The name arrives as the platform gives it, through the bot like every chat user.
      const first = await core.bot.actorFor({ platform: 'SLACK', tenantId: 'T1', userId: `UHOSTILE${i}`, name: h.slice(0, 200) });
      await db.prisma.person.update({ where: { id: first.person.id }, data: { organizationId: org.id, skills: { create: [{ skill: 'excel' }] } } });
      const me = await anActor(db, core, first.person.id);
      keep(`signup ${i}`, await core.workshops.signUp(me, { w: workshop.id, q: '', o: 0 }));
      keep(`join ${i}`, await core.bot.action(me, { action: 'klus.join', value: klus.id, form: { motivation: h.slice(0, 500) } }));
      keep(`goal ${i}`, await core.bot.text(me, `doel ${h}`));
      await db.prisma.promptDelivery.create({ data: { personId: me.person.id, promptId: prompt.id, reason: 'ON_DEMAND' } });
      keep(`answer ${i}`, await core.bot.text(me, h));
      keep(`skills ${i}`, await core.bot.action(me, { action: 'skills.save', value: '', form: { skills: h.slice(0, 40) } }));
      keep(`dossier ${i}`, await core.bot.text(me, 'mijn dossier'));
      keep(`data ${i}`, await core.bot.text(me, 'mijn gegevens'));
      keep(`workshops filter ${i}`, await core.bot.text(me, `workshops ${h}`));
      // The owner posts a klus called `h`; HR writes a broadcast with `h` in it.
      keep(`post ${i}`, await core.bot.action(owner, { action: 'klus.form', value: '', form: goodPost({ title: h.slice(0, 100), description: h.slice(0, 2000) }) }));
      keep(`broadcast ${i}`, await core.bot.action(hr, { action: 'broadcast.form', value: '', form: { title: h.slice(0, 100), text: h.slice(0, 2000) } }));
    }
    keep('candidates', await core.bot.action(owner, { action: 'klus.candidates', value: klus.id }));
    keep('participants', await core.bot.action(hr, { action: 'manage.participants', value: workshop.id }));
    keep('my klussen', await core.bot.text(owner, 'mijn klussen'));
    keep('klussen', await core.bot.text(owner, 'klussen'));
  });
  afterAll(async () => db?.close());

  it('produces Block Kit that Slack accepts, with every user mention, ping and link escaped', () => {
    const problems: string[] = [];
    for (const { where, message } of shown) {
      for (const m of renderMessage(message, 'nl')) {
        problems.push(...blockProblems(m.blocks, 'message', where));
        const raw = JSON.stringify(m);
        for (const live of ['<@U123>', '<!channel>', '<!here>', '<#C123|', '<https://evil.example|']) if (raw.includes(live)) problems.push(`${where}: ${live} not escaped`);
      }
      for (const b of message.blocks) {
        if (b.type !== 'form') continue;
        const modal = formModal(b.form, { form: b.form.id, ...(b.form.value ? { value: b.form.value } : {}) }, 'nl');
        if (modal) problems.push(...modalProblems(modal as unknown as Record<string, unknown>, `${where} modal`));
      }
    }
    expect(shown.length).toBeGreaterThan(HOSTILE.length * 10);
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('produces Adaptive Cards that Teams accepts, and console text', () => {
    const problems: string[] = [];
    for (const { where, message } of shown) {
      problems.push(...cardProblems(renderCard(message, 'nl')).map((p) => `${where}: ${p}`));
      expect(() => renderText(message, 1), where).not.toThrow();
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('stores what people typed as typed, minus control characters', async () => {
    const goals = await db.prisma.goal.findMany({ select: { text: true } });
    expect(goals.some((g) => g.text.includes('<@U123> en <!channel>'))).toBe(true);
    expect(goals.some((g) => g.text.includes('Piep[31m nul'))).toBe(true);
// eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(goals.every((g) => !/[\u0000-\u0008\u001b]/.test(g.text))).toBe(true);
  });
});
