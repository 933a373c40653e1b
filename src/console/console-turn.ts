import type { Bot } from '../core/chat/bot.js';
import type { ActionInput } from '../core/feature.js';
import type { Message, Reply } from '../core/messages.js';
import type { Actor } from '../core/people/person.js';

export type ChatInput = { text: string } | ActionInput;

export interface ChatResult {
  reply: Reply;
  /** Proactive messages that were waiting for this person (reminders, promotions). */
  inbox: Message[];
}

/** What a console turn needs; the console's main wires it to its core and outbox. */
export interface ConsoleTurnDeps {
  bot: Pick<Bot, 'actorFor' | 'text' | 'action'>;
  now(): Date;
  /** Takes the proactive messages waiting for this person out of the outbox. */
  drainInbox(actor: Actor, now: Date): Promise<Message[]>;
}

/** One turn of the console chat, as the person with this e-mail address. */
export async function consoleTurn(deps: ConsoleTurnDeps, email: string, input: ChatInput): Promise<ChatResult> {
  const address = email.trim().toLowerCase();
  const actor = await deps.bot.actorFor({
    platform: 'CONSOLE',
    tenantId: 'console',
    userId: address,
    email: address,
    name: address.split('@')[0] ?? address,
  });
  const reply = 'text' in input ? await deps.bot.text(actor, input.text) : await deps.bot.action(actor, input);
  const inbox = await deps.drainInbox(actor, deps.now());
  return { reply, inbox };
}
