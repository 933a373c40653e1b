import { webApi } from '@slack/bolt';
import type { SendResult } from '../../core/ports.js';

/** The person can no longer be reached on Slack: their account is gone or cannot receive the bot's DMs. */
const USER_GONE = new Set(['user_not_found', 'users_not_found', 'user_disabled', 'user_is_bot', 'cannot_dm_bot', 'is_archived', 'messages_tab_disabled']);
/** The app lost the workspace: uninstalled, token revoked or expired, bot deactivated. Nobody there is reachable. */
const APP_GONE = new Set(['token_revoked', 'token_expired', 'account_inactive', 'app_uninstalled', 'team_access_not_granted', 'team_not_found', 'org_login_required']);
/** Slack's side had a problem; the same message may well go through later. */
const TRANSIENT = new Set(['ratelimited', 'rate_limited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'team_added_to_org']);

/**
 * How a failed Web API call counts for the outbox. A 429 with Retry-After retries this one message at the time
 * Slack named; platform errors are deterministic, so unknown ones are permanent (retrying cannot fix
 * `invalid_blocks`); network and 5xx errors are worth retrying. `invalid_auth` is permanent but not about the
 * person: a wrong token must not mark everyone unreachable.
 */
export function classifySendError(err: unknown): Extract<SendResult, { ok: false }> {
  if (err instanceof webApi.WebAPIRateLimitedError) {
    return { ok: false, kind: 'retry', reason: 'slack:rate_limited', retryAfterMs: Math.max(0, err.retryAfter) * 1000 };
  }
  if (err instanceof webApi.WebAPIPlatformError) {
    const code = err.data.error;
    const reason = `slack:${code}`;
    if (USER_GONE.has(code)) return { ok: false, kind: 'permanent', reason, unreachable: true };
    if (APP_GONE.has(code)) return { ok: false, kind: 'permanent', reason, unreachable: true };
    if (TRANSIENT.has(code)) return { ok: false, kind: 'retry', reason };
    return { ok: false, kind: 'permanent', reason };
  }
  if (err instanceof webApi.WebAPIHTTPError) {
    return { ok: false, kind: 'retry', reason: `slack:http_${err.statusCode}` };
  }
  if (err instanceof webApi.WebAPIRequestError) {
    return { ok: false, kind: 'retry', reason: `slack:network:${err.original.message}` };
  }
  // WebClient reports a 429 without a usable Retry-After as a plain Error.
  const message = err instanceof Error ? err.message : String(err);
  if (/retry.after|rate limit/i.test(message)) return { ok: false, kind: 'retry', reason: 'slack:rate_limited' };
  return { ok: false, kind: 'retry', reason: `slack:error:${message.slice(0, 200)}` };
}

/** Errors that mean a stored DM channel is stale, so it is worth opening the conversation again. */
export const isStaleChannel = (err: unknown) =>
  err instanceof webApi.WebAPIPlatformError && ['channel_not_found', 'not_in_channel'].includes(err.data.error);
