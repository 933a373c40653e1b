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

const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1,
  feb: 2, februari: 2, february: 2,
  mrt: 3, maart: 3, mar: 3, march: 3,
  apr: 4, april: 4,
  mei: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  aug: 8, augustus: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oktober: 10, oct: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12,
};

/** A calendar day. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

/**
 * A calendar day as people write it: `2027-04-15` (date pickers), `15-4-2027`, `15/04/2027`, `15.4.2027`,
 * `15 april 2027`, `15 apr 2027`. Null when it is not a real day.
 */
export function parseDay(input: string): Day | null {
  const s = input.trim().toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  let d: Day | null = null;
  if (m) d = { year: +m[1]!, month: +m[2]!, day: +m[3]! };
  m ??= /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (!d && m) d = { year: +m[3]!, month: +m[2]!, day: +m[1]! };
  const named = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(s);
  if (!d && named && MONTHS[named[2]!]) d = { year: +named[3]!, month: MONTHS[named[2]!]!, day: +named[1]! };
  if (!d) return null;
  const check = new Date(Date.UTC(d.year, d.month - 1, d.day));
  const real = check.getUTCFullYear() === d.year && check.getUTCMonth() === d.month - 1 && check.getUTCDate() === d.day;
  return real && d.year >= 2000 && d.year <= 2100 ? d : null;
}

const TIME = /^(\d{1,2})[:.](\d{2})(?::00)?$/;

/**
 * A moment as people type it, the one parser every form and import uses: a day as `parseDay` reads it (the Dutch
 * `15-04-2027`, ISO `2027-04-15`, `15 april 2027`) and a wall-clock time in `timeZone` (`09:00`, `9:00`, `9.00`),
 * separated by a space, `T`, "om" or "at" — or ISO 8601 with `Z`/offset. Null when it is none of these or names an
 * impossible date or time.
 */
export function parseDateTime(text: string, timeZone: string): Date | null {
  const s = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const m = /^(.+?)(?:\s*,?\s+(?:om\s+|at\s+)?|T)(\d{1,2}[:.]\d{2}(?::00)?)(?:\s*uur)?$/i.exec(s);
  if (!m) return null;
  const day = parseDay(m[1]!);
  const time = TIME.exec(m[2]!);
  if (!day || !time) return null;
  const hour = Number(time[1]);
  const minute = Number(time[2]);
  if (hour > 23 || minute > 59) return null;
  return zonedTime({ ...day, hour, minute }, timeZone);
}

/** How a moment is written into a form field: the Dutch `15-04-2027 09:00`, which `parseDateTime` reads back. */
export function formatInput(d: Date, timeZone: string): string {
  const p = localDate(d, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(p.day)}-${two(p.month)}-${p.year} ${two(p.hour)}:${two(p.minute)}`;
}

/** `YYYY-MM-DD` as a calendar date (stored at UTC midnight, as PostgreSQL `date` columns are read back). */
export function parseDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]) ? d : null;
}
