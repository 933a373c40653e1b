import { z } from 'zod';
import { action, composer, values, type Feature } from '../feature.js';
import { formatSlot } from '../format.js';
import type { Block, Message } from '../messages.js';
import type { Actor } from '../people/person.js';
import type { WorkshopsDeps } from './deps.js';
import { workshopKinds } from './outbox-kinds.js';
import { cancelButton, encodeState, type ListState } from './render.js';
import { translator } from './texts.js';
import { parseListState, type WorkshopsService } from './workshops-service.js';

/** A list's state in a button: JSON `{w, q, o}`, or a bare workshop id from older messages. */
const listState = z.string().max(1000).transform((s, ctx): ListState => {
  try {
    return parseListState(s);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not a workshop list state' });
    return z.NEVER;
  }
});

/** Redraws "mijn" with a notice; given by the bot, which owns that view. */
export type MyView = (actor: Actor, notice?: string) => Promise<Message>;

export function workshopsFeature(ctx: WorkshopsDeps, workshops: WorkshopsService, my: MyView): Feature {
  const compose = (kind: string) => (p: Parameters<WorkshopsService['compose']>[1], actor: Actor) => workshops.compose(kind, p, actor);
  return {
    name: 'workshops',
    phrases: [
      { phrase: 'workshops', command: 'workshops', takesArgs: true },
      { phrase: 'workshop', command: 'workshops', takesArgs: true },
    ],
    commands: {
      workshops: async (actor, args) => ({ messages: [await workshops.list(actor, { q: args, o: 0 })] }),
    },
    actions: [
      action('workshop.signup', listState, (actor, state) => workshops.signUp(actor, state)),
      action('workshop.cancel', listState, (actor, state) => workshops.cancel(actor, state)),
      // Cancelling from "mijn" redraws "mijn", not the workshop list.
      action('my.cancel', listState, async (actor, state) => {
        const r = await workshops.cancel(actor, state);
        return { messages: r.messages, update: await my(actor, r.messages[0]?.text) };
      }),
      action('workshops.page', listState, async (actor, s) => ({ messages: [], update: await workshops.list(actor, { q: s.q, o: s.o }) })),
      action('nav.workshops', values.none, async (actor) => ({ messages: [await workshops.list(actor, { q: '', o: 0 })] })),
    ],
    outbox: [
      composer(workshopKinds.reminder, compose(workshopKinds.reminder.name)),
      composer(workshopKinds.promoted, compose(workshopKinds.promoted.name)),
      composer(workshopKinds.changed, compose(workshopKinds.changed.name)),
      composer(workshopKinds.cancelled, compose(workshopKinds.cancelled.name)),
    ],
    help: (actor) => {
      const tr = translator(actor.locale);
      return { lines: [tr('help.workshops')], button: { action: 'nav.workshops', value: '', label: tr('workshops.title'), style: 'primary' } };
    },
    my: (actor) => mySignups(ctx, actor),
  };
}

/** "mijn": my sign-ups, each with its cancel button. */
async function mySignups(ctx: WorkshopsDeps, actor: Actor): Promise<Block[]> {
  const tr = translator(actor.locale);
  const signups = await ctx.workshops.mySignups(actor.person.id, ctx.clock.now());
  const blocks: Block[] = [{ type: 'header', text: tr('my.signups') }];
  if (signups.length === 0) blocks.push({ type: 'text', text: tr('my.no_signups') });
  for (const s of signups) {
    const w = s.workshop;
    blocks.push({
      type: 'item',
      title: w.title,
      fields: [
        { label: tr('workshops.when'), value: formatSlot(w.startsAt, w.endsAt, actor.locale, ctx.settings.timezone) },
        {
          label: tr('workshops.status'),
          value: s.status === 'CONFIRMED' ? tr('workshops.you_are_signed_up') : tr('workshops.you_are_waiting', { position: s.position ?? '?' }),
        },
        ...(s.signedUpBy ? [{ label: tr('workshops.signed_up_by_label'), value: s.signedUpBy }] : []),
      ],
      buttons: [cancelButton('my.cancel', encodeState({ w: w.id, q: '', o: 0 }), w.title, tr)],
    });
  }
  return blocks;
}
