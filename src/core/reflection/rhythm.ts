import { localDate, zonedTime } from '../time.js';

/**
 * When prompts may arrive. Pure functions over the person's rhythm and the timezone, so DST and weekends are
 * tested without a database. Days are counted as local calendar days ("day numbers"), never as 24-hour spans,
 * because a day with a DST change has 23 or 25 hours.
 */

/** A person's own rhythm (Person.promptWeekday/promptTime/promptEveryDays). */
export interface Rhythm {
  /** ISO weekday 1 (Monday) … 7 (Sunday) of the first slot; also the one weekend day a person may choose. */
  weekday: number;
  /** Local time "HH:mm". */
  time: string;
  /** Days between prompts; 7 = weekly, 0 = off. */
  everyDays: number;
}

/** Quiet hours: prompts arrive only between 07:00 and 18:00 local time; a chosen time outside moves to the edge. */
export const QUIET_HOURS = { from: 7 * 60, until: 18 * 60 } as const;
export const DEFAULT_TIME = '10:00';

const DAY_MS = 86_400_000;

export interface LocalDay {
  year: number;
  month: number;
  day: number;
}

export const dayNumber = (d: LocalDay) => Math.floor(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS);

export function fromDayNumber(n: number): LocalDay {
  const d = new Date(n * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday of a day number (day 0, 1 January 1970, was a Thursday). */
export const weekdayOf = (n: number) => (((n + 3) % 7) + 7) % 7 + 1;

/** "YYYY-MM-DD" of a day number: the stable key of a slot. */
export function isoDay(n: number): string {
  const d = fromDayNumber(n);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export const localDayNumber = (t: Date, tz: string) => dayNumber(localDate(t, tz));

export function localMinutes(t: Date, tz: string): number {
  const p = localDate(t, tz);
  return p.hour * 60 + p.minute;
}

/** Minutes after midnight of "HH:mm", or null when it is not a time. */
export function parseTime(s: string): number | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(s.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export const formatTime = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const clampToQuietHours = (minutes: number) => Math.min(QUIET_HOURS.until, Math.max(QUIET_HOURS.from, minutes));

/** The person's prompt time as minutes, inside quiet hours. */
export const promptMinutes = (r: Pick<Rhythm, 'time'>) => clampToQuietHours(parseTime(r.time) ?? parseTime(DEFAULT_TIME)!);

/** The instant of `minutes` after local midnight on day `n`. */
export function at(n: number, minutes: number, tz: string): Date {
  return zonedTime({ ...fromDayNumber(n), hour: Math.floor(minutes / 60), minute: minutes % 60 }, tz);
}

const isWeekend = (n: number) => weekdayOf(n) >= 6;

/** Saturday and Sunday move to the Monday after. */
export const workingDay = (n: number) => (weekdayOf(n) === 6 ? n + 2 : weekdayOf(n) === 7 ? n + 1 : n);

/** Is day `n` a slot of this rhythm? Weekend days only when the person chose a weekend day. */
export function isSlotDay(r: Rhythm, n: number): boolean {
  if (r.everyDays <= 0) return false;
  // Slots repeat every `everyDays` days from a day that falls on the chosen weekday (7 → exactly that weekday).
  const anchor = r.weekday - 4;
  if ((((n - anchor) % r.everyDays) + r.everyDays) % r.everyDays !== 0) return false;
  return !isWeekend(n) || r.weekday >= 6;
}

/** The latest slot at or before `now`, looking back one rhythm; null when the rhythm is off. */
export function latestSlot(r: Rhythm, now: Date, tz: string): { at: Date; day: number } | null {
  if (r.everyDays <= 0 || r.weekday < 1 || r.weekday > 7) return null;
  const today = localDayNumber(now, tz);
  const minutes = promptMinutes(r);
  for (let n = today; n >= today - r.everyDays; n--) {
    if (!isSlotDay(r, n)) continue;
    const t = at(n, minutes, tz);
    if (t.getTime() <= now.getTime()) return { at: t, day: n };
  }
  return null;
}

/**
 * May a moment that became due be delivered at `now`? Only on its own local day and until quiet hours start:
 * a prompt missed while the bot was down does not arrive in the evening; the next one comes on time.
 */
export function deliverableNow(due: Date, now: Date, tz: string): boolean {
  return (
    due.getTime() <= now.getTime() &&
    localDayNumber(due, tz) === localDayNumber(now, tz) &&
    localMinutes(now, tz) <= QUIET_HOURS.until
  );
}

/** `t` itself when it is a working day within quiet hours, else the next such moment (07:00 on a working day). */
export function nextQuietMoment(t: Date, tz: string): Date {
  const n = localDayNumber(t, tz);
  const m = localMinutes(t, tz);
  if (!isWeekend(n) && m >= QUIET_HOURS.from && m <= QUIET_HOURS.until) return t;
  const day = m < QUIET_HOURS.from && !isWeekend(n) ? n : workingDay(n + 1);
  return at(day, QUIET_HOURS.from, tz);
}

/** "Later": the next working day at the same time of day (within quiet hours). */
export function snoozeUntil(now: Date, tz: string): Date {
  return at(workingDay(localDayNumber(now, tz) + 1), clampToQuietHours(localMinutes(now, tz)), tz);
}

/** Follow-up questions after a workshop: about one day, one week and three weeks after it ended. */
export const FOLLOW_UP_STAGES = [
  { stage: '1d', days: 1 },
  { stage: '1w', days: 7 },
  { stage: '3w', days: 21 },
] as const;
export type FollowUpStage = (typeof FOLLOW_UP_STAGES)[number]['stage'];

/** When each follow-up stage is due: that many days after the workshop's local end date, on a working day, at the person's time. */
export function followUpMoments(endsAt: Date, r: Pick<Rhythm, 'time'>, tz: string): { stage: FollowUpStage; due: Date }[] {
  const end = localDayNumber(endsAt, tz);
  return FOLLOW_UP_STAGES.map((s) => ({ stage: s.stage, due: at(workingDay(end + s.days), promptMinutes(r), tz) }));
}

/** When a programme step is due: `offsetDays` after the local start date, on a working day, at the person's time. */
export function programmeStepDue(startedAt: Date, offsetDays: number, r: Pick<Rhythm, 'time'>, tz: string): Date {
  return at(workingDay(localDayNumber(startedAt, tz) + offsetDays), promptMinutes(r), tz);
}

const knownZones = new Map<string, boolean>();

/** The person's own timezone when it is one Intl knows (chat platforms send what they like), else `fallback`. */
export function zoneOr(tz: string | null | undefined, fallback: string): string {
  if (!tz) return fallback;
  let ok = knownZones.get(tz);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      ok = true;
    } catch {
      ok = false;
    }
    knownZones.set(tz, ok);
  }
  return ok ? tz : fallback;
}
