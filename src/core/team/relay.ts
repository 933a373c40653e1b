import type { Message } from '../messages.js';
import type { Locale } from '../messages.js';
import { translator } from './texts.js';

/**
 * Kinds that a person without a chat account gets through their team leader (README "Team leaders and people
 * without a chat account"): news about their own sign-ups. Reflection prompts and everything else private are
 * never relayed; reminders are not either (the leader's day-before list covers them). Campaign nudges are not
 * relayed one by one: a leader of eight would get eight, and the leader's click would count as the member's in the
 * A/B figures; the weekly toolbox is the team's nudge, through its leader. The outbox addresses a relayed row to
 * the team leader's identity while it stays the person's row (src/db/outbox).
 */
export const RELAYED_KINDS: readonly string[] = ['workshop.promoted', 'workshop.changed', 'workshop.cancelled'];

/** The message as the team leader reads it: first whom it is for, then the person's own message. */
export function relayed(m: Message, personName: string, locale: Locale): Message {
  const head = translator(locale)('relay.for', { name: personName });
  return { text: `${head} ${m.text}`, blocks: [{ type: 'context', text: head }, ...m.blocks] };
}
