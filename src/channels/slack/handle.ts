import { randomUUID } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import { t } from '../../core/i18n/index.js';
import { message, type Locale, type Reply } from '../../core/messages.js';
import { toLocale, type Actor, type ChannelUser } from '../../core/people/person.js';
import type { SlackDeps } from './deps.js';
import { publishHome } from './home.js';
import type { Outlet } from './outlets.js';
import { channelUser } from './people.js';
import { spliceItem } from './render/item-group.js';
import { messageText, renderMessage } from './render/message.js';

export interface Input {
  kind: 'text' | 'action';
  teamId: string;
  userId: string;
  /** The name in the payload, for when users.info is not allowed. */
  fallbackName?: string;
  /** Set when the input came from the person's DM with the bot: stored for proactive messages. */
  dmChannel?: string;
  outlet: Outlet;
  /** App Home clicks redraw the whole home tab instead of one message. */
  home?: webApi.WebClient;
  /** The blocks of the clicked message, as Slack sent them with the click, when the outlet edits that message. */
  clicked?: unknown;
}

/**
 * The answer to one input. A click's answer is the clicked message redrawn (only the changed item where the
 * core says so and the message is at hand); a message that says what the redrawn one already says is not posted
 * again, so each click is answered once. Other messages follow.
 */
async function deliver(deps: SlackDeps, input: Input, actor: Actor, reply: Reply, user: ChannelUser) {
  let shown: string | undefined;
  if (reply.update) {
    // The action may have changed the person (the pause switch): the home is drawn from them as they are now.
    if (input.home) await publishHome(input.home, deps.bot, await deps.bot.actorFor(user), input.userId);
    else {
      const spliced = reply.updateItem && input.clicked !== undefined ? spliceItem(input.clicked, reply.updateItem, actor.locale) : null;
      const [first, ...rest] = spliced ? [{ text: messageText(reply.update), blocks: spliced }] : renderMessage(reply.update, actor.locale);
      if (first) await input.outlet.replace(first);
      if (rest.length) await input.outlet.post(rest);
      shown = reply.update.text;
    }
  }
  for (const m of reply.messages) if (m.text !== shown) await input.outlet.post(renderMessage(m, actor.locale));
}

/**
 * One input, after the ack: the person behind the Slack user, the core's answer, rendered where it belongs.
 * An unexpected error reaches the log with a request id and the person as a short message with that id.
 */
export async function handleInput(deps: SlackDeps, input: Input, work: (actor: Actor) => Promise<Reply>): Promise<void> {
  deps.metrics.chatInputs.inc({ platform: 'slack', kind: input.kind });
  let locale: Locale = deps.defaultLocale;
  try {
    const profile = await deps.directory.lookup(input.userId);
    locale = toLocale(profile.locale, deps.defaultLocale);
    const user = channelUser(input.teamId, input.userId, profile, input.fallbackName, input.dmChannel);
    const actor = await deps.bot.actorFor(user);
    locale = actor.locale;
    await deliver(deps, input, actor, await work(actor), user);
  } catch (err) {
    await reportError(deps, input.outlet, locale, err, { kind: input.kind, userId: input.userId });
  }
}

export async function reportError(deps: SlackDeps, outlet: Outlet, locale: Locale, err: unknown, fields: Record<string, unknown>) {
  const requestId = randomUUID().slice(0, 8);
  deps.logger.error('slack input failed', { requestId, ...fields, err });
  deps.metrics.chatErrors.inc({ platform: 'slack' });
  try {
    await outlet.post(renderMessage(message(t(locale, 'error.internal', { requestId })), locale));
  } catch (e) {
    deps.logger.warn('slack error message could not be sent', { requestId, err: e });
  }
}
