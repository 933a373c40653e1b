import { TurnContext, type Activity, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { Message } from '../../core/messages.js';
import { toLocale } from '../../core/people/person.js';
import type { DeliveryTarget, Logger, SendResult, Sender } from '../../core/ports.js';
import { toActivity } from './cards/activity.js';
import { sendFailure } from './send-result.js';

/** Microsoft's global Teams service URL, for people the bot never heard from (imported, app installed by admin). */
export const DEFAULT_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

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

/**
 * Delivers one proactive message for the outbox. botbuilder resolves `continueConversationAsync` even when the
 * send inside failed (the error goes to onTurnError), so the outcome is caught inside the callback. The
 * connector clients used here do not retry (see auth/retries.ts): every 429/412/5xx comes straight back as
 * `retry`, and the outbox decides when.
 */
export class TeamsSender implements Sender {
  readonly platform = 'TEAMS' as const;

  constructor(
    private readonly adapter: CloudAdapter,
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
      // Failures before the callback ran: the token request, a malformed reference.
      const result = sendFailure(err);
      this.options.logger.warn('teams: send failed before reaching Teams', { idempotencyKey, reason: result.ok ? '' : result.reason });
      return result;
    }
  }

  private async continueWith(ref: StoredReference, activity: Partial<Activity>): Promise<SendResult> {
    let outcome: SendResult = { ok: false, kind: 'retry', reason: 'the send callback did not run' };
    await this.adapter.continueConversationAsync(this.options.appId, ref, async (context) => {
      try {
        await context.sendActivity(activity);
        outcome = { ok: true };
      } catch (err) {
        outcome = sendFailure(err);
      }
    });
    return outcome;
  }

  /** No stored chat: open the 1:1 chat (Teams returns the existing one when there is one) and send in it. */
  private async createAndSend(target: DeliveryTarget, activity: Partial<Activity>): Promise<SendResult> {
    const tenantId = target.tenantId || this.options.tenantId;
    if (!tenantId || !target.userId) {
      return { ok: false, kind: 'permanent', reason: 'no Teams chat stored and no tenant to open one in', unreachable: true };
    }
    const params: ConversationParameters = {
      isGroup: false,
      bot: { id: `28:${this.options.appId}`, name: 'Vliegwiel' },
      members: [{ id: target.userId, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    };
    let outcome: SendResult = { ok: false, kind: 'retry', reason: 'the send callback did not run' };
    await this.adapter.createConversationAsync(
      this.options.appId,
      'msteams',
      target.serviceUrl || DEFAULT_SERVICE_URL,
      AuthenticationConstants.ToChannelFromBotOAuthScope,
      params,
      async (context) => {
        const ref = TurnContext.getConversationReference(context.activity);
        try {
          await context.sendActivity(activity);
          // The new chat's reference, for the caller to keep so the next message skips this step.
          outcome = { ok: true, ref: { ...ref, activityId: undefined } };
        } catch (err) {
          outcome = sendFailure(err);
        }
      },
    );
    return outcome;
  }
}
