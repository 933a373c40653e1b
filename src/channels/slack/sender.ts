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

const postedRef = (ref: unknown): { channel: string; ts: string } | undefined => {
  const r = ref as { channel?: unknown; ts?: unknown } | null;
  return r && typeof r.channel === 'string' && typeof r.ts === 'string' ? { channel: r.channel, ts: r.ts } : undefined;
};

// An edit that Slack refuses for the message itself (gone, too old to edit) is final but says nothing about
// whether the person can be reached.
const EDIT_FINAL = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed', 'cant_delete_message']);

function editFailure(err: unknown, target: DeliveryTarget, logger: Logger): SendResult {
  if (err instanceof webApi.WebAPIPlatformError && EDIT_FINAL.has(err.data.error)) {
    return { ok: false, kind: 'permanent', reason: `slack:${err.data.error}` };
  }
  const result = classifySendError(err);
  logger.warn('slack edit failed', { userId: target.userId, kind: result.kind, reason: result.reason });
  return result;
}

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

  /** Replaces a message posted earlier (broadcast progress, a recall notice) in place: chat.update. */
  async update(target: DeliveryTarget, ref: unknown, message: Message): Promise<SendResult> {
    const posted = postedRef(ref);
    if (!posted) return { ok: false, kind: 'permanent', reason: 'slack:no_message_ref' };
    const locale = this.opts.locale ?? 'nl';
    const pages = renderMessage(message, locale);
    const rendered = pages.length > 1 ? { text: pages[0]!.text, blocks: renderViewBlocks(message, locale, LIMITS.messageBlocks) } : pages[0];
    if (!rendered) return { ok: false, kind: 'permanent', reason: 'slack:empty_message' };
    try {
      await this.client.chat.update({ channel: posted.channel, ts: posted.ts, text: rendered.text, blocks: rendered.blocks });
      return { ok: true, ref: posted };
    } catch (err) {
      return editFailure(err, target, this.opts.logger);
    }
  }

  /** Deletes a message posted earlier (recall); one that is already gone counts as removed. */
  async remove(target: DeliveryTarget, ref: unknown): Promise<SendResult> {
    const posted = postedRef(ref);
    if (!posted) return { ok: false, kind: 'permanent', reason: 'slack:no_message_ref' };
    try {
      await this.client.chat.delete({ channel: posted.channel, ts: posted.ts });
      return { ok: true, ref: posted };
    } catch (err) {
      if (err instanceof webApi.WebAPIPlatformError && err.data.error === 'message_not_found') return { ok: true, ref: posted };
      return editFailure(err, target, this.opts.logger);
    }
  }

  private async open(userId: string): Promise<string> {
    const opened = await this.client.conversations.open({ users: userId });
    // Slack also accepts the user id as the channel of the bot's DM.
    return opened.channel?.id ?? userId;
  }
}
