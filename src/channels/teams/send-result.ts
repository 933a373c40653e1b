import type { SendResult } from '../../core/ports.js';
import { failedResponse, retryAfterMs } from './retries.js';

interface ErrorLike {
  code?: string;
  message?: string;
  response?: { data?: unknown };
}

/** The Bot Connector's error code from the response body ({"error":{"code":"ConversationBlockedByUser"}}). */
function connectorCode(err: ErrorLike): string | undefined {
  let data = err.response?.data;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  const code = (data as { error?: { code?: unknown } } | null | undefined)?.error?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Statuses Microsoft asks bots to retry (throttling, precondition, gateway) plus other transient ones. */
const RETRY = new Set([401, 408, 412, 429, 500, 502, 503, 504]);

/** The HTTP status of a failed connector call, if it got an answer at all. */
export const statusOf = (err: unknown): number | undefined => failedResponse(err).status;

/**
 * A failed send as the outbox's decision: retry this one message later, or give up. 403 and 404 mean the user
 * removed the app or the conversation is gone: the person is unreachable on Teams until they write again.
 * 401 is retried: it is our token, not the user, and it fails for everyone until the credentials are fixed.
 * No answer at all (refused, timed out) is retried too.
 */
export function sendFailure(err: unknown): SendResult {
  const e = (err ?? {}) as ErrorLike;
  const { status, retryAfter } = failedResponse(err);
  const code = connectorCode(e);
  const reason = [status ? `HTTP ${status}` : (e.code ?? 'send failed'), code, e.message].filter(Boolean).join(': ').slice(0, 500);
  if (status === undefined) return { ok: false, kind: 'retry', reason };
  if (RETRY.has(status)) {
    const after = retryAfterMs(retryAfter);
    return { ok: false, kind: 'retry', reason, ...(after !== undefined ? { retryAfterMs: after } : {}) };
  }
  if (status === 403 || status === 404) return { ok: false, kind: 'permanent', reason, unreachable: true };
  return { ok: false, kind: 'permanent', reason };
}
