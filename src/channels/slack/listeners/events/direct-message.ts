import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { handleInput } from '../../handle.js';
import { fromSlackText } from '../../incoming-text.js';
import { channelOutlet } from '../../outlets.js';
import { eventEnvelope, isDm, messageEvent } from '../payloads.js';

/**
 * A message in the person's DM with the bot (`message.im`). Edits, deletions, bot messages and other
 * subtypes are not input; Bolt already drops the bot's own messages.
 */
export const directMessage =
  (deps: SlackDeps) =>
  async ({ event, body, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const parsed = messageEvent.safeParse(event);
    if (!parsed.success) return;
    const m = parsed.data;
    // Only DMs are subscribed (message.im); a payload without channel_type is judged by its D… channel id.
    const inDm = m.channel_type === undefined ? isDm(m.channel) : m.channel_type === 'im';
    if (!inDm || m.subtype !== undefined || m.bot_id !== undefined) return;
    const teamId = context.teamId ?? eventEnvelope.parse(body).team_id ?? '';
    await handleInput(
      deps,
      { kind: 'text', teamId, userId: m.user, dmChannel: m.channel, outlet: channelOutlet(client, m.channel) },
      (actor) => deps.bot.text(actor, fromSlackText(m.text)),
    );
  };
