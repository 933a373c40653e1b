import type { SendResult } from '../../core/ports.js';
import { retryAfterMs } from './auth/retries.js';

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { headers?: { get?(name: string): string | undefined }; bodyAsText?: string | null };
}

/** The Bot Connector's error code from the response body ({"error":{"code":"ConversationBlockedByUser"}}). */
function connectorCode(err: RestErrorLike): string | undefined {
  const text = err.response?.bodyAsText;
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown } };
    return typeof parsed.error?.code === 'string' ? parsed.error.code : undefined;
  } catch {
    return undefined;
  }
}

/** Statuses Microsoft asks bots to retry (throttling, precondition, gateway) plus other transient ones. */
const RETRY = new Set([401, 408, 412, 429, 500, 502, 503, 504]);

/**
 * A failed send as the outbox's decision: retry this one message later, or give up. 403 and 404 mean the user
 * removed the app or the conversation is gone: the person is unreachable on Teams until they write again.
 * 401 is retried: it is our token, not the user, and it fails for everyone until the credentials are fixed.
 */
export function sendFailure(err: unknown): SendResult {
  const e = (err ?? {}) as RestErrorLike;
  const status = e.statusCode;
  const code = connectorCode(e);
  const reason = [status ? `HTTP ${status}` : (e.code ?? 'send failed'), code, e.message].filter(Boolean).join(': ').slice(0, 500);
  if (status === undefined) return { ok: false, kind: 'retry', reason };
  if (RETRY.has(status)) {
    const after = retryAfterMs(e.response?.headers?.get?.('retry-after'));
    return { ok: false, kind: 'retry', reason, ...(after !== undefined ? { retryAfterMs: after } : {}) };
  }
  if (status === 403 || status === 404) return { ok: false, kind: 'permanent', reason, unreachable: true };
  return { ok: false, kind: 'permanent', reason };
}
