import type { Core } from '../app.js';
import type { ActionInput } from '../core/feature.js';
import type { Message, Reply } from '../core/messages.js';
import { drainConsoleInbox, type ConsoleInbox } from '../delivery/console-inbox.js';

export type ChatInput = { text: string } | ActionInput;

export interface ChatResult {
  reply: Reply;
  /** Proactive messages that were waiting for this person (reminders, promotions). */
  inbox: Message[];
}

/** One turn of the console chat, as the person with this e-mail address. */
export async function consoleTurn(core: Core, inbox: ConsoleInbox, email: string, input: ChatInput): Promise<ChatResult> {
  const address = email.trim().toLowerCase();
  const actor = await core.bot.actorFor({
    platform: 'CONSOLE',
    tenantId: 'console',
    userId: address,
    email: address,
    name: address.split('@')[0] ?? address,
  });
  const reply = 'text' in input ? await core.bot.text(actor, input.text) : await core.bot.action(actor, input);
  const waiting = await drainConsoleInbox(inbox, (k, p, a) => core.bot.compose(k, p, a), actor, core.ctx.clock.now());
  return { reply, inbox: waiting };
}
