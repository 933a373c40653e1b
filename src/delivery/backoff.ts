/** Delay before attempt `attempts + 1`: exponential from 2 s, capped at 1 h, with ±25 % jitter so retries spread. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(3_600_000, 2000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

export const MAX_ATTEMPTS = 10;
