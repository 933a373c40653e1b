import type { Middleware } from '@microsoft/teams.common';
import type { Logger } from '../../core/ports.js';

/**
 * How much retrying a Bot Connector call may do by itself. The Teams SDK does not retry at all, and a send that
 * waits out every Retry-After would hold a reply or an outbox slot for minutes. Replies to a user get a short,
 * bounded retry; proactive sends get none, so the outbox schedules the retry of that one message.
 */
export interface RetryBudget {
  retries: number;
  /** A wait (Retry-After or backoff) longer than this is not waited for: the error goes up instead. */
  maxWaitMs: number;
  /** Per request, so a connector that never answers cannot hold the turn or the outbox slot. */
  timeoutMs: number;
}

export interface RetryBudgets {
  reply: RetryBudget;
  proactive: RetryBudget;
}

export const DEFAULT_BUDGETS: RetryBudgets = {
  reply: { retries: 2, maxWaitMs: 2000, timeoutMs: 10_000 },
  proactive: { retries: 0, maxWaitMs: 0, timeoutMs: 15_000 },
};

/** Statuses Microsoft asks bots to retry (throttling, precondition, gateway) plus other transient ones. */
export const RETRY_STATUS = new Set([408, 412, 429, 500, 502, 503, 504]);

export function retryAfterMs(value: string | undefined | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The HTTP status and Retry-After of a failed call (an axios error, which is what the SDK's client throws). */
export function failedResponse(err: unknown): { status?: number; retryAfter?: string } {
  const response = (err as { response?: { status?: unknown; headers?: Record<string, unknown> } } | null)?.response;
  const status = typeof response?.status === 'number' ? response.status : undefined;
  const header = response?.headers?.['retry-after'];
  return { ...(status !== undefined ? { status } : {}), ...(typeof header === 'string' ? { retryAfter: header } : {}) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The budget as a middleware of the SDK's HTTP client (its public extension point): a failed call with a
 * retryable status is made again while the budget allows, honouring Retry-After; anything else goes up as is.
 */
export function retryMiddleware(budget: RetryBudget, logger: Logger): Middleware {
  return {
    async invoke(_context, next) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await next();
        } catch (err) {
          const { status, retryAfter } = failedResponse(err);
          if (attempt >= budget.retries || status === undefined || !RETRY_STATUS.has(status)) throw err;
          const wait = retryAfterMs(retryAfter) ?? 250 * 2 ** attempt;
          if (wait > budget.maxWaitMs) throw err;
          logger.debug('teams: connector call retried', { status, attempt: attempt + 1, waitMs: wait });
          await sleep(wait);
        }
      }
    },
  };
}
