import { zonedTime } from '../core/time.js';

/**
 * `2027-03-16 10:00` (wall clock in `timeZone`), `2027-03-16T10:00` (same), or ISO 8601 with `Z`/offset.
 * Returns null when the text is none of these or names an impossible date.
 */
export function parseDateTime(text: string, timeZone: string): Date | null {
  const s = text.trim();
  const local = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::00)?$/.exec(s);
  if (local) {
    const [year, month, day, hour, minute] = local.slice(1).map(Number) as [number, number, number, number, number];
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
    const d = zonedTime({ year, month, day, hour, minute }, timeZone);
    // Reject dates that roll over (31 April) by reading the wall clock back.
    const check = new Date(Date.UTC(year, month - 1, day));
    return check.getUTCDate() === day ? d : null;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

/** `YYYY-MM-DD` as a calendar date (stored at UTC midnight, as PostgreSQL `date` columns are read back). */
export function parseDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]) ? d : null;
}
