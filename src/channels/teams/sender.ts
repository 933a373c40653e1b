import type { Client as ApiClient } from '@microsoft/teams.api';
import type { Message } from '../../core/messages.js';
import { toLocale } from '../../core/people/person.js';
import type { DeliveryTarget, Logger, SendResult, Sender } from '../../core/ports.js';
import type { ConversationReference, OutgoingActivity } from './activity-types.js';
import type { TeamsCloudAdapter } from './adapter.js';
import { toActivity } from './cards/activity.js';
import { sendFailure, statusOf } from './send-result.js';

export { DEFAULT_SERVICE_URL } from './adapter.js';

export interface TeamsSenderOptions {
  /** Empty in TEAMS_INSECURE_DEV: then outbound calls carry no token. */
  appId: string;
  /** MICROSOFT_APP_TENANT_ID: the tenant for people without a stored one. */
  tenantId?: string;
  logger: Logger;
}

type StoredReference = Partial<ConversationReference> & { conversation: { id: string }; serviceUrl: string };

function storedReference(ref: unknown): StoredReference | undefined {
  if (!ref || typeof ref !== 'object') return undefined;
  const r = ref as Partial<ConversationReference>;
  return typeof r.conversation?.id === 'string' && typeof r.serviceUrl === 'string' ? (r as StoredReference) : undefined;
}

/** What the outbox keeps of a delivered message: enough to reach it again for an update or a removal. */
const deliveredRef = (ref: StoredReference, activityId: string | undefined) => ({ ...ref, deliveredActivityId: activityId });

function deliveredOf(ref: unknown, target: DeliveryTarget): { ref: StoredReference; activityId: string } | undefined {
  const stored = storedReference(ref) ?? storedReference(target.conversationRef);
  const activityId = (ref as { deliveredActivityId?: unknown } | null)?.deliveredActivityId;
  return stored && typeof activityId === 'string' && activityId ? { ref: stored, activityId } : undefined;
}

/**
 * The activity as it goes out in a stored chat: from the bot, to the person, in that conversation (what
 * botbuilder's applyConversationReference did). No replyToId: a proactive message starts its own line instead of
 * replying to whatever was said last.
 */
function addressed(activity: OutgoingActivity, ref: StoredReference) {
  return {
    ...activity,
    channelId: ref.channelId ?? 'msteams',
    serviceUrl: ref.serviceUrl,
    conversation: ref.conversation,
    ...(ref.bot ? { from: ref.bot } : {}),
    ...(ref.user ? { recipient: ref.user } : {}),
    ...(ref.locale ? { locale: ref.locale } : {}),
  };
}

/** The SDK's activity parameter type; ours is plain Bot Framework JSON that it sends as it is. */
type Wire = Parameters<ReturnType<ApiClient['conversations']['activities']>['create']>[0];

/**
 * Delivers one proactive message for the outbox, through a Bot Connector client kept per service URL (see
 * TeamsCloudAdapter.connector): POST …/conversations/<id>/activities. Those clients do not retry (see
 * retries.ts): every 429/412/5xx comes straight back as `retry` (with Retry-After when Teams gave one), and the
 * outbox decides when.
 */
export class TeamsSender implements Sender {
  readonly platform = 'TEAMS' as const;

  constructor(
    private readonly adapter: TeamsCloudAdapter,
    private readonly options: TeamsSenderOptions,
  ) {}

  async send(target: DeliveryTarget, message: Message, idempotencyKey: string): Promise<SendResult> {
    const ref = storedReference(target.conversationRef);
    const activity = toActivity(message, toLocale(ref?.locale, 'nl'));
    try {
      const result = ref ? await this.continueWith(ref, activity) : await this.createAndSend(target, activity);
      if (!result.ok) this.options.logger.info('teams: send failed', { idempotencyKey, kind: result.kind, reason: result.reason });
      return result;
    } catch (err) {
      // Failures outside a connector call's own handling: a malformed reference.
      const result = sendFailure(err);
      this.options.logger.warn('teams: send failed before reaching Teams', { idempotencyKey, reason: result.ok ? '' : result.reason });
      return result;
    }
  }

  private async continueWith(ref: StoredReference, activity: OutgoingActivity): Promise<SendResult> {
    const client = this.adapter.connector(ref.serviceUrl);
    try {
      const sent = await client.conversations.activities(ref.conversation.id).create(addressed(activity, ref) as Wire);
      return { ok: true, ref: deliveredRef(ref, sent?.id) };
    } catch (err) {
      return sendFailure(err);
    }
  }

  /** Replaces a message sent earlier (broadcast progress, a recall notice): PUT …/activities/<id>. */
  async update(target: DeliveryTarget, ref: unknown, message: Message): Promise<SendResult> {
    const delivered = deliveredOf(ref, target);
    if (!delivered) return { ok: false, kind: 'permanent', reason: 'teams: no delivered message to update' };
    const activity = { ...addressed(toActivity(message, toLocale(delivered.ref.locale, 'nl')), delivered.ref), id: delivered.activityId };
    return this.edit(delivered, ref, (client) => client.conversations.activities(delivered.ref.conversation.id).update(delivered.activityId, activity as Wire));
  }

  /** Deletes a message sent earlier (recall); one that is already gone counts as removed. */
  async remove(target: DeliveryTarget, ref: unknown): Promise<SendResult> {
    const delivered = deliveredOf(ref, target);
    if (!delivered) return { ok: false, kind: 'permanent', reason: 'teams: no delivered message to remove' };
    return this.edit(delivered, ref, (client) => client.conversations.activities(delivered.ref.conversation.id).delete(delivered.activityId), true);
  }

  private async edit(
    delivered: { ref: StoredReference; activityId: string },
    original: unknown,
    work: (client: ApiClient) => Promise<unknown>,
    goneIsDone = false,
  ): Promise<SendResult> {
    try {
      await work(this.adapter.connector(delivered.ref.serviceUrl));
      return { ok: true, ref: original };
    } catch (err) {
      const failure = sendFailure(err);
      const status = statusOf(err);
      // A 404 here is about the message (deleted, too old), not about the person being unreachable.
      if (status !== 404) return failure;
      return goneIsDone ? { ok: true, ref: original } : { ok: false, kind: 'permanent', reason: failure.ok ? '' : failure.reason };
    }
  }

  /** No stored chat: open the 1:1 chat (Teams returns the existing one when there is one) and send in it. */
  private async createAndSend(target: DeliveryTarget, activity: OutgoingActivity): Promise<SendResult> {
    const tenantId = target.tenantId || this.options.tenantId;
    if (!tenantId || !target.userId) {
      return { ok: false, kind: 'permanent', reason: 'no Teams chat stored and no tenant to open one in', unreachable: true };
    }
    // The SDK's own default (its `serviceUrl` option, DEFAULT_SERVICE_URL unless set otherwise).
    const serviceUrl = target.serviceUrl || this.adapter.defaultServiceUrl;
    const bot = { id: `28:${this.options.appId}`, name: 'Vliegwiel', role: 'bot' as const };
    const user = { id: target.userId, name: '', role: 'user' as const };
    let conversationId: string;
    try {
      const created = await this.adapter.connector(serviceUrl).conversations.create({
        isGroup: false,
        bot,
        members: [user],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      });
      conversationId = created.id;
    } catch (err) {
      return sendFailure(err);
    }
    // The new chat's reference, for the caller to keep so the next message skips this step.
    const conversationRef: ConversationReference = {
      user,
      bot,
      conversation: { id: conversationId, conversationType: 'personal', tenantId },
      channelId: 'msteams',
      serviceUrl,
    };
    const result = await this.continueWith(conversationRef as StoredReference, activity);
    return result.ok ? { ...result, conversationRef } : result;
  }
}
