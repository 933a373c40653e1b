import { localDate, startOfLocalDay, zonedTime } from '../time.js';

/**
 * When nudges may arrive: a daily window of local time on some weekdays. Outdoor teams start (and stop) early, so
 * a group can have its own window. Pure functions over an instant and a timezone, so DST is tested without a database.
 */
export interface SendWindow {
  /** Minutes after local midnight, inclusive. */
  from: number;
  /** Minutes after local midnight, exclusive. */
  until: number;
  /** ISO weekdays 1 (Monday) … 7 (Sunday). */
  days: number[];
}

/** "07:00-15:00" → minutes, or null when it is not a window of at least a minute. */
export function parseHours(s: string): Pick<SendWindow, 'from' | 'until'> | null {
  const m = /^\s*([01]?\d|2[0-3]):([0-5]\d)\s*-\s*([01]?\d|2[0-4]):([0-5]\d)\s*$/.exec(s);
  if (!m) return null;
  const from = Number(m[1]) * 60 + Number(m[2]);
  const until = Number(m[3]) * 60 + Number(m[4]);
  return until > from && until <= 24 * 60 ? { from, until } : null;
}

/** "1-5", "1,3,5" or "1-3,6" → sorted ISO weekdays, or null. */
export function parseDays(s: string): number[] | null {
  const days = new Set<number>();
  for (const part of s.split(',').map((p) => p.trim())) {
    const m = /^([1-7])(?:-([1-7]))?$/.exec(part);
    if (!m) return null;
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    if (b < a) return null;
    for (let d = a; d <= b; d++) days.add(d);
  }
  return days.size ? [...days].sort((a, b) => a - b) : null;
}

export const formatMinutes = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export const formatWindow = (w: SendWindow) => `${formatMinutes(w.from)}-${formatMinutes(w.until)}`;

/**
 * "buitendienst=07:00-15:00;zwembad=10:00-18:00@1-6": a window per department (lower case); `@days` is optional
 * and defaults to `defaultDays`. Returns null when any part is malformed.
 */
export function parseGroupWindows(s: string, defaultDays: number[]): Record<string, SendWindow> | null {
  const out: Record<string, SendWindow> = {};
  for (const part of s.split(';').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([^=]+)=([^@]+)(?:@(.+))?$/.exec(part);
    const hours = m ? parseHours(m[2]!) : null;
    const days = m?.[3] ? parseDays(m[3]) : defaultDays;
    if (!m || !hours || !days) return null;
    out[m[1]!.trim().toLowerCase()] = { ...hours, days };
  }
  return out;
}

/** Minutes since local midnight and ISO weekday of `t`. */
function local(t: Date, tz: string) {
  const p = localDate(t, tz);
  return { minutes: p.hour * 60 + p.minute, weekday: p.weekday };
}

export function inWindow(t: Date, w: SendWindow, tz: string): boolean {
  const l = local(t, tz);
  return w.days.includes(l.weekday) && l.minutes >= w.from && l.minutes < w.until;
}

/** The instant of `minutes` after local midnight on the local day `days` after the day of `t`. */
function atLocal(t: Date, days: number, minutes: number, tz: string): Date {
  const p = localDate(startOfLocalDay(t, tz, days), tz);
  return zonedTime({ year: p.year, month: p.month, day: p.day, hour: Math.floor(minutes / 60), minute: minutes % 60 }, tz);
}

/** `t` itself when it lies in the window, else the start of the next window (at most a week ahead). */
export function nextInWindow(t: Date, w: SendWindow, tz: string): Date {
  if (inWindow(t, w, tz)) return t;
  for (let d = 0; d <= 7; d++) {
    const start = atLocal(t, d, w.from, tz);
    if (start.getTime() > t.getTime() && w.days.includes(localDate(start, tz).weekday)) return start;
  }
  return t;
}

/** Local calendar day of `t` as a day number (days since 1970-01-01): what the weekly cap counts in. */
export function localDay(t: Date, tz: string): number {
  const p = localDate(t, tz);
  return Math.floor(Date.UTC(p.year, p.month - 1, p.day) / 86_400_000);
}

/** `tz` when the runtime knows it, else `fallback` (a person's stored timezone may be anything a platform sent). */
export function validTimezone(tz: string | null | undefined, fallback: string): string {
  if (!tz) return fallback;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    return fallback;
  }
}
