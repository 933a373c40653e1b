import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { handleInput } from '../../handle.js';
import { fromSlackText } from '../../incoming-text.js';
import { channelOutlet } from '../../outlets.js';
import { threadForm } from '../../thread-form.js';
import { eventEnvelope, isDm, messageEvent } from '../payloads.js';

/**
 * A message in the person's DM with the bot (`message.im`). Edits, deletions, bot messages and other
 * subtypes are not input; Bolt already drops the bot's own messages. A reply in the thread of a message that
 * asks for one piece of text (a reflection question) answers exactly that message's form — not whichever
 * question happens to be open last — and the answer comes in the same thread.
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
    const text = fromSlackText(m.text);
    const threadTs = m.thread_ts !== undefined && m.thread_ts !== m.ts ? m.thread_ts : undefined;
    if (threadTs) {
      const outlet = channelOutlet(client, m.channel, undefined, threadTs);
      let form = null;
      try {
        form = await threadForm(client, m.channel, threadTs);
      } catch (err) {
        // Without the parent message the reply is still read as ordinary text, as before threads were understood.
        deps.logger.warn('slack thread parent could not be read', { err: String(err) });
      }
      if (form) {
        const field = form.fields[0]!.id;
        await handleInput(deps, { kind: 'text', teamId, userId: m.user, dmChannel: m.channel, outlet }, (actor) =>
          deps.bot.action(actor, { action: form.id, value: form.value ?? '', form: { [field]: text } }),
        );
        return;
      }
    }
    await handleInput(
      deps,
      { kind: 'text', teamId, userId: m.user, dmChannel: m.channel, outlet: channelOutlet(client, m.channel, undefined, threadTs) },
      (actor) => deps.bot.text(actor, text),
    );
  };
