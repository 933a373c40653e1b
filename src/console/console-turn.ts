import type { Bot } from '../core/chat/bot.js';
import type { ActionInput } from '../core/feature.js';
import { t } from '../core/i18n/index.js';
import { message, type Locale, type Message, type Reply } from '../core/messages.js';
import type { Actor } from '../core/people/person.js';

/** A line of text, a button or form, or `check`: only see whether the person may be spoken as (at start-up). */
export type ChatInput = { text: string } | ActionInput | { check: true };

export interface ChatResult {
  reply: Reply;
  /** Proactive messages that were waiting for this person (reminders, promotions). */
  inbox: Message[];
  /** The person's language, for the console's own words ("Kies een knop van 1 tot 3"). */
  locale: Locale;
  /** True when nobody has this e-mail address and `create` was not asked for: nothing was done. */
  unknownPerson?: boolean;
}

/** What a console turn needs; the console's main wires it to its core and outbox. */
export interface ConsoleTurnDeps {
  bot: Pick<Bot, 'actorFor' | 'text' | 'action'>;
  now(): Date;
  /** Takes the proactive messages waiting for this person out of the outbox. */
  drainInbox(actor: Actor, now: Date): Promise<Message[]>;
  /** Whether someone with this e-mail address exists already. */
  knows(email: string): Promise<boolean>;
  defaultLocale: Locale;
}

/**
 * One turn of the console chat, as the person with this e-mail address. A typo in `--as` must not quietly make
 * a new person (with an empty dossier and no role): an unknown address is refused unless `create` is set.
 */
export async function consoleTurn(deps: ConsoleTurnDeps, email: string, input: ChatInput, create = false): Promise<ChatResult> {
  const address = email.trim().toLowerCase();
  if (!create && !(await deps.knows(address))) {
    const text = t(deps.defaultLocale, 'console.unknown_person', { email: address });
    return { reply: { messages: [message(text)] }, inbox: [], locale: deps.defaultLocale, unknownPerson: true };
  }
  const actor = await deps.bot.actorFor({
    platform: 'CONSOLE',
    tenantId: 'console',
    userId: address,
    email: address,
    name: address.split('@')[0] ?? address,
  });
  if ('check' in input) return { reply: { messages: [] }, inbox: [], locale: actor.locale };
  const reply = 'text' in input ? await deps.bot.text(actor, input.text) : await deps.bot.action(actor, input);
  const inbox = await deps.drainInbox(actor, deps.now());
  return { reply, inbox, locale: actor.locale };
}
