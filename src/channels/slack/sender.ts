import { webApi } from '@slack/bolt';
import type { Message } from '../../core/messages.js';
import type { DeliveryTarget, Logger, Platform, SendResult, Sender } from '../../core/ports.js';
import { boltLogger } from './bolt-logger.js';
import { LIMITS } from './render/limits.js';
import { renderMessage, renderViewBlocks } from './render/message.js';
import { isStaleChannel, classifySendError } from './send-result.js';

export interface SlackSenderOptions {
  botToken: string;
  apiUrl: string;
  logger: Logger;
  /** Language of the few notes the renderer adds (a message normally carries its own language). */
  locale?: 'nl' | 'en';
  timeoutMs?: number;
}

const storedChannel = (ref: unknown): string | undefined => {
  if (typeof ref === 'string' && ref) return ref;
  if (ref && typeof ref === 'object' && typeof (ref as { channel?: unknown }).channel === 'string') return (ref as { channel: string }).channel;
  return undefined;
};

/**
 * Proactive messages for the outbox: one DM per call. The client rejects rate-limited calls instead of pausing
 * (WebClient's default holds every call of the client until Retry-After passes and then retries), so a 429
 * becomes a retry of this one message at the time Slack named, scheduled by the outbox. Slack has no
 * idempotency key for chat.postMessage: the outbox's claim is what keeps a message from being sent twice.
 */
export class SlackSender implements Sender {
  readonly platform: Platform = 'SLACK';
  private readonly client: webApi.WebClient;

  constructor(private readonly opts: SlackSenderOptions) {
    this.client = new webApi.WebClient(opts.botToken, {
      slackApiUrl: opts.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      timeout: opts.timeoutMs ?? 10_000,
      logger: boltLogger(opts.logger),
    });
  }

  async send(target: DeliveryTarget, message: Message, idempotencyKey: string): Promise<SendResult> {
    const locale = this.opts.locale ?? 'nl';
    // One outbox row is one Slack message: a proactive message too long for one is shortened, not split,
    // so a retry can never repeat half of it.
    const pages = renderMessage(message, locale);
    const rendered = pages.length > 1 ? { text: pages[0]!.text, blocks: renderViewBlocks(message, locale, LIMITS.messageBlocks) } : pages[0];
    if (!rendered) return { ok: false, kind: 'permanent', reason: 'slack:empty_message' };
    try {
      let channel = storedChannel(target.conversationRef);
      try {
        if (!channel) channel = await this.open(target.userId);
        const posted = await this.client.chat.postMessage({ channel, text: rendered.text, blocks: rendered.blocks });
        return { ok: true, ref: { channel, ts: posted.ts } };
      } catch (err) {
        if (!isStaleChannel(err) || !storedChannel(target.conversationRef)) throw err;
        channel = await this.open(target.userId);
        const posted = await this.client.chat.postMessage({ channel, text: rendered.text, blocks: rendered.blocks });
        return { ok: true, ref: { channel, ts: posted.ts } };
      }
    } catch (err) {
      const result = classifySendError(err);
      this.opts.logger.warn('slack send failed', { idempotencyKey, userId: target.userId, kind: result.kind, reason: result.reason });
      return result;
    }
  }

  private async open(userId: string): Promise<string> {
    const opened = await this.client.conversations.open({ users: userId });
    // Slack also accepts the user id as the channel of the bot's DM.
    return opened.channel?.id ?? userId;
  }
}
