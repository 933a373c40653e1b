/**
 * Delay before attempt `attempts + 1`: exponential from 1 s (a 5xx or timeout is mostly over by then, and a
 * broadcast's last messages should not wait long for nothing), capped at 1 h, with ±25 % jitter so retries spread.
 * Twelve attempts span about an hour: a platform's outage of that length loses nothing.
 */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(3_600_000, 1000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

export const MAX_ATTEMPTS = 12;

/** Attempts a message may make when the platform keeps saying "not now" (429 with Retry-After). */
export const MAX_THROTTLED_ATTEMPTS = 100;
