/**
 * The reason to cancel a row that waited past its kind's expiry, or null while it is still in time. Rows queued
 * while no channel was configured, or while a platform was down, are checked here before they go out days late.
 */
export function expiredFor(row: { dueAt: Date }, expiresAfter: number | undefined, now: number): string | null {
  if (expiresAfter === undefined || now <= row.dueAt.getTime() + expiresAfter) return null;
  return `expired: not sent within ${Math.round(expiresAfter / 3_600_000)} h of ${row.dueAt.toISOString()}`;
}
