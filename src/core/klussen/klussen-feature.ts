import { z } from 'zod';
import { action, composer, values, type Feature } from '../feature.js';
import type { OutboxKind } from '../outbox.js';
import type { Block } from '../messages.js';
import { hasRole, type Actor } from '../people/person.js';
import { CONFIRM_SKILLS_FORM } from './choosing.js';
import type { KlussenDeps } from './deps.js';
import { JOIN_FORM } from './joining.js';
import type { KlussenService } from './klussen-service.js';
import { myKlussen } from './my-klussen.js';
import { klusKinds } from './outbox-kinds.js';
import { POST_FORM } from './post-form.js';
import { SKILLS_FORM } from './skills.js';
import { translator } from './texts.js';

/** The Klussenbank in chat: words, buttons, forms and the texts of its outbox messages. */
export function klussenFeature(ctx: KlussenDeps, klussen: KlussenService): Feature {
  const mine = async (actor: Actor) => ({ messages: [await myKlussen(ctx, actor)] });
  const compose = (kind: string) => (payload: unknown, actor: Actor) => klussen.composer.compose(kind, payload as Record<string, unknown>, actor);
  return {
    name: 'klussen',
    phrases: [
      { phrase: 'klussen', command: 'klussen', takesArgs: true },
      { phrase: 'klus', command: 'klussen', takesArgs: true },
      { phrase: 'jobs', command: 'klussen', takesArgs: true },
      { phrase: 'klus plaatsen', command: 'post-klus' },
      { phrase: 'post job', command: 'post-klus' },
      { phrase: 'mijn klussen', command: 'my-klussen' },
      { phrase: 'my jobs', command: 'my-klussen' },
      { phrase: 'vaardigheden', command: 'skills' },
      { phrase: 'mijn vaardigheden', command: 'skills' },
      { phrase: 'skills', command: 'skills' },
      { phrase: 'my skills', command: 'skills' },
    ],
    commands: {
      klussen: async (actor, args) => ({ messages: [await klussen.list(actor, args)] }),
      'post-klus': (actor) => klussen.posting.start(actor),
      'my-klussen': mine,
      skills: (actor) => klussen.skills.show(actor),
    },
    actions: [
      action('nav.klussen', values.none, async (actor) => ({ messages: [await klussen.list(actor, '')] })),
      action('klussen.page', values.json(z.object({ q: z.string().max(200), o: z.number().int().min(0).max(1000) })), async (actor, s) => ({
        messages: [],
        update: await klussen.list(actor, s.q, undefined, s.o),
      })),
      action('nav.my-klussen', values.none, mine),
      action('nav.post-klus', values.none, (actor) => klussen.posting.start(actor)),
      // Posting: form → preview → publish. The form carries the draft being edited, or nothing.
      action(POST_FORM, values.token, (actor, _v, input) => klussen.posting.submit(actor, input)),
      action('klus.publish', values.id, (actor, id) => klussen.posting.publish(actor, id)),
      action('klus.edit', values.id, (actor, id) => klussen.posting.edit(actor, id)),
      action('klus.discard', values.id, (actor, id) => klussen.posting.discard(actor, id)),
      // Raising a hand.
      action('klus.interest', values.id, (actor, id) => klussen.joining.form(actor, id)),
      action(JOIN_FORM, values.id, (actor, id, input) => klussen.joining.join(actor, id, input)),
      action('klus.withdraw', values.id, (actor, id) => klussen.joining.withdraw(actor, id)),
      // The manager's release.
      action('klus.release.approve', values.id, (actor, id) => klussen.release.decide(actor, id, true)),
      action('klus.release.decline', values.id, (actor, id) => klussen.release.decide(actor, id, false)),
      // Choosing.
      action('klus.candidates', values.id, (actor, id) => klussen.choosing.view(actor, id)),
      action('klus.accept', values.id, (actor, id) => klussen.choosing.decide(actor, id, 'ACCEPTED')),
      action('klus.decline', values.id, (actor, id) => klussen.choosing.decide(actor, id, 'DECLINED')),
      action('klus.fill', values.id, (actor, id) => klussen.choosing.finish(actor, id, 'FILLED')),
      action('klus.close', values.id, (actor, id) => klussen.choosing.finish(actor, id, 'CLOSED')),
      action('klus.confirm-skills', values.id, (actor, id) => klussen.choosing.confirmForm(actor, id)),
      action(CONFIRM_SKILLS_FORM, values.id, (actor, id, input) => klussen.choosing.confirmSkills(actor, id, input)),
      // Skills.
      action(SKILLS_FORM, values.token, (actor, _v, input) => klussen.skills.save(actor, input)),
    ],
    outbox: Object.values(klusKinds).map((kind: OutboxKind<unknown>) => composer(kind, compose(kind.name))),
    help: (actor) => {
      const tr = translator(actor.locale);
      const poster = hasRole(actor.person, 'MANAGER') || hasRole(actor.person, 'HR');
      const more = [tr('help.my_klussen'), tr('help.skills')];
      return { lines: [tr('help.klussen'), ...(poster ? [tr('help.manager')] : [])], more, button: { action: 'nav.klussen', value: '', label: tr('klussen.title') } };
    },
    my: (actor) => myHands(ctx, actor),
  };
}

/** "mijn": the klussen I raised a hand for, each with its way back. */
async function myHands(ctx: KlussenDeps, actor: Actor): Promise<Block[]> {
  const tr = translator(actor.locale);
  const klussen = await ctx.klussen.myKlussen(actor.person.id);
  const blocks: Block[] = [{ type: 'header', text: tr('my.klussen') }];
  if (klussen.length === 0) blocks.push({ type: 'text', text: tr('my.no_klussen') });
  for (const k of klussen) {
    blocks.push({
      type: 'item',
      title: k.title,
      fields: [{ label: tr('klussen.status'), value: tr('klussen.status_interested') }],
      buttons: [{ action: 'klus.withdraw', value: k.id, label: tr('klussen.button_withdraw') }],
    });
  }
  return blocks;
}
