import { createHash } from 'node:crypto';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../../core/ports.js';
import type { SlackDedup } from '../processed-events.js';

export const DEDUP_PREFIX = 'slack.';
export const INTERACTION_WINDOW_MS = 5 * 60 * 1000;

/**
 * The key that makes a delivery "the same": an event's `event_id` survives Slack's retries; commands and
 * interactions have no id, but a repeated payload is byte-for-byte the same (each real click carries its own
 * `trigger_id` and `action_ts`), so its hash is the key.
 */
export function dedupKey(body: unknown): { source: string; id: string; forgetAfterMs?: number } | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  if (b.type === 'event_callback') {
    return typeof b.event_id === 'string' ? { source: `${DEDUP_PREFIX}event`, id: b.event_id } : null;
  }
  // A repeat arrives within seconds (a trigger_id lives 3 s); a payload seen again much later is a new click.
  return {
    source: `${DEDUP_PREFIX}interaction`,
    id: createHash('sha256').update(JSON.stringify(body)).digest('hex'),
    forgetAfterMs: INTERACTION_WINDOW_MS,
  };
}

export function dedup(store: SlackDedup, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context }) => {
    const key = dedupKey(body);
    if (key && !(await store.firstTime(key.source, key.id, key.forgetAfterMs))) {
      logger.info('slack duplicate delivery skipped', { source: key.source, id: key.id, retryNum: context.retryNum });
      return;
    }
    await next();
  };
}
