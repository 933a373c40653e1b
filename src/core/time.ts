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
