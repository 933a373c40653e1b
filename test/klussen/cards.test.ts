import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/channels/slack/render/message.js';
import { toActivity } from '../../src/channels/teams/cards/activity.js';
import type { Locale, Message, Reply } from '../../src/core/messages.js';
import { cardProblems, cardsOf } from '../channels/teams/support/cards.js';
import { aPerson, anActor, anOrganization } from '../support/builders.js';
import { BACKENDS } from '../support/db.js';
import { useTestWorld } from '../support/world.js';
import { delivered, goodPost, messagesOf, press, submit } from './support.js';

/**
 * The owner's and manager's side of the Klussenbank renders on both platforms: every reply and every composed
 * outbox message of a whole klus, in Dutch and English, is a valid Adaptive Card and a Slack message whose
 * forms fit in their buttons. (The Teams crawler in test/channels only sees what an employee sees.)
 */
describe.each(BACKENDS)('Klussenbank messages render on Slack and Teams (%s)', (backend) => {
  const world = useTestWorld(backend);

  it.each(['nl', 'en'] as const)('a whole klus in %s', async (locale: Locale) => {
    const seen: { where: string; message: Message }[] = [];
    const keep = (where: string, r: Reply | Message | null) => {
      for (const message of r === null ? [] : 'blocks' in r ? [r] : messagesOf(r)) seen.push({ where, message });
      return r;
    };
    const org = await anOrganization(world.db);
    const owner = await aPerson(world.db, { organizationId: org.id, roles: ['MANAGER'], locale });
    const boss = await aPerson(world.db, { organizationId: org.id, roles: ['MANAGER'], locale });
    const hr = await aPerson(world.db, { organizationId: org.id, roles: ['HR'], locale });
    const cand = await aPerson(world.db, { organizationId: org.id, managerId: boss.id, skills: ['archiveren'], locale });
    const [o, b, c, h] = await Promise.all([owner, boss, cand, hr].map((p) => anActor(world.db, world.core, p.id)));

    const form = keep('post', await world.core.bot.text(o!, locale === 'nl' ? 'klus plaatsen' : 'post job'))!;
    const wrong = keep('mistake', await submit(world.core, o!, form as Reply, goodPost({ hours: '' })));
    const preview = keep('preview', await submit(world.core, o!, wrong as Reply, goodPost({ description: 'Lang verhaal. '.repeat(70) })));
    keep('edit', await press(world.core, o!, preview!, 'klus.edit'));
    keep('published', await press(world.core, o!, preview!, 'klus.publish'));
    const match = keep('match', await delivered(world.db, world.core, cand.id, 'klus.match'));
    const joinForm = keep('join form', await press(world.core, c!, match!, 'klus.interest'));
    keep('joined', await submit(world.core, c!, joinForm!, { motivation: 'Ik wil dit graag leren. '.repeat(10) }));
    keep('candidate note', await delivered(world.db, world.core, owner.id, 'klus.candidate'));
    const request = keep('release request', await delivered(world.db, world.core, boss.id, 'klus.release-request'));
    keep('my klussen (manager)', await world.core.bot.text(b!, locale === 'nl' ? 'mijn klussen' : 'my jobs'));
    keep('released', await press(world.core, b!, request!, 'klus.release.approve'));
    keep('released (candidate)', await delivered(world.db, world.core, cand.id, 'klus.release-decision'));
    keep('released (owner)', await delivered(world.db, world.core, owner.id, 'klus.release-decision'));
    const klus = await world.db.prisma.klus.findFirstOrThrow({ where: { ownerId: owner.id } });
    keep('candidates (HR)', await world.core.bot.action(h!, { action: 'klus.candidates', value: klus.id }));
    const candidates = keep('candidates', await world.core.bot.action(o!, { action: 'klus.candidates', value: klus.id }));
    const accepted = keep('accepted', await press(world.core, o!, candidates!, 'klus.accept'));
    keep('decision', await delivered(world.db, world.core, cand.id, 'klus.decision'));
    const confirm = keep('confirm form', await press(world.core, o!, accepted!, 'klus.confirm-skills'));
    keep('confirmed', await submit(world.core, o!, confirm!, { skills: ['archiveren'] }));
    keep('skills confirmed', await delivered(world.db, world.core, cand.id, 'klus.skills-confirmed'));
    keep('filled', await press(world.core, o!, accepted!, 'klus.fill'));
    keep('my klussen (owner)', await world.core.bot.text(o!, locale === 'nl' ? 'mijn klussen' : 'my jobs'));
    keep('my klussen (HR)', await world.core.bot.text(h!, locale === 'nl' ? 'mijn klussen' : 'my jobs'));
    keep('skills', await world.core.bot.text(c!, locale === 'nl' ? 'vaardigheden' : 'skills'));

    expect(seen.length).toBeGreaterThan(25);
    const problems: string[] = [];
    const formUnavailable = locale === 'nl' ? 'Dit formulier kan ik hier niet laten zien' : 'I cannot show this form here';
    for (const { where, message } of seen) {
      for (const card of cardsOf(toActivity(message, locale) as Record<string, unknown>)) problems.push(...cardProblems(card).map((p) => `teams ${where}: ${p}`));
      const slack = JSON.stringify(renderMessage(message, locale));
      if (slack.includes(formUnavailable)) problems.push(`slack ${where}: a form does not fit in its button`);
    }
    expect(problems).toEqual([]);
  });
});
