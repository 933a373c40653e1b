/** Timezone arithmetic with Intl only (the core stays free of date libraries). */

function parts(d: Date, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    weekday: 'short',
  });
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(String(p.weekday)) + 1,
  };
}

/** Offset of `timeZone` from UTC at instant `d`, in milliseconds (e.g. +3,600,000 for CET). */
export function zoneOffset(d: Date, timeZone: string): number {
  const p = parts(d, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(d.getTime() / 1000) * 1000;
}

/** The instant when the wall clock in `timeZone` shows the given local date and time. */
export function zonedTime(
  local: { year: number; month: number; day: number; hour?: number; minute?: number },
  timeZone: string,
): Date {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0);
  let t = guess - zoneOffset(new Date(guess), timeZone);
  // Second pass settles instants near a DST change.
  t = guess - zoneOffset(new Date(t), timeZone);
  return new Date(t);
}

/** Local calendar date and ISO weekday (1 = Monday) of an instant. */
export function localDate(d: Date, timeZone: string) {
  const p = parts(d, timeZone);
  return { year: p.year, month: p.month, day: p.day, weekday: p.weekday, hour: p.hour, minute: p.minute };
}

/** Local midnight `days` days after the local date of `d`. */
export function startOfLocalDay(d: Date, timeZone: string, days = 0): Date {
  const p = localDate(d, timeZone);
  const shifted = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return zonedTime(
    { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() },
    timeZone,
  );
}

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
