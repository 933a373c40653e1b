import { webApi, type RespondFn } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';
import type { SlackMessage } from './render/message.js';

/** Where the answers to one input go, and how the clicked message is redrawn. */
export interface Outlet {
  post(messages: SlackMessage[]): Promise<void>;
  /** Redraws the message the input came from; outlets without one post instead. */
  replace(message: SlackMessage): Promise<void>;
}

/** The person's DM with the bot, opened on demand (also the fallback of every other outlet). */
export function dmOutlet(client: webApi.WebClient, userId: string): Outlet {
  let channel: string | undefined;
  const post = async (messages: SlackMessage[]) => {
    // Slack also accepts the user id as the channel of the bot's DM; used if no DM id comes back.
    channel ??= (await client.conversations.open({ users: userId })).channel?.id ?? userId;
    for (const m of messages) await client.chat.postMessage({ channel, text: m.text, blocks: m.blocks });
  };
  return { post, replace: (m) => post([m]) };
}

/**
 * A conversation the bot is in (its DM with the person); `ts` is the clicked message, when there is one.
 * `threadTs`: the answers go into that thread (the person replied in it).
 */
export function channelOutlet(client: webApi.WebClient, channel: string, ts?: string, threadTs?: string): Outlet {
  const post = async (messages: SlackMessage[]) => {
    for (const m of messages) {
      await client.chat.postMessage({ channel, text: m.text, blocks: m.blocks, ...(threadTs ? { thread_ts: threadTs } : {}) });
    }
  };
  return {
    post,
    replace: async (m) => {
      if (!ts) return post([m]);
      try {
        await client.chat.update({ channel, ts, text: m.text, blocks: m.blocks });
      } catch (err) {
        // A message that can no longer be edited (deleted, too old): the new state still reaches the person.
        if (!(err instanceof webApi.WebAPIPlatformError)) throw err;
        await post([m]);
      }
    },
  };
}

/**
 * A slash command's or ephemeral message's `response_url`: answers only the person sees, wherever they typed.
 * A response_url expires (30 minutes, 5 uses); then the answer goes to the DM rather than nowhere.
 */
export function responseOutlet(respond: RespondFn, fallback: Outlet, logger: Logger): Outlet {
  const viaFallback = (err: unknown) => {
    logger.warn('slack response_url failed; answering in the DM', { err: String(err) });
  };
  return {
    async post(messages) {
      for (const [i, m] of messages.entries()) {
        try {
          await respond({ response_type: 'ephemeral', replace_original: false, text: m.text, blocks: m.blocks });
        } catch (err) {
          viaFallback(err);
          return fallback.post(messages.slice(i));
        }
      }
    },
    async replace(m) {
      try {
        await respond({ replace_original: true, text: m.text, blocks: m.blocks });
      } catch (err) {
        viaFallback(err);
        await fallback.post([m]);
      }
    },
  };
}
