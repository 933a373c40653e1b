import type { Locale } from './messages.js';

const intlLocale = (l: Locale) => (l === 'nl' ? 'nl-NL' : 'en-GB');

// Building an Intl.DateTimeFormat costs far more than formatting with one; a list or a rush of clicks formats
// the same few combinations over and over.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    if (formatters.size > 200) formatters.clear();
    formatters.set(key, (f = new Intl.DateTimeFormat(intlLocale(locale), options)));
  }
  return f;
}

/** "di 16 mrt 10:00–12:00" / "Tue 16 Mar 10:00–12:00" in the given timezone. */
export function formatSlot(start: Date, end: Date, locale: Locale, timeZone: string): string {
  const day = formatter(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(start);
  const time = formatter(locale, { hour: '2-digit', minute: '2-digit', timeZone, hourCycle: 'h23' });
  return `${day.replace(/\.$/, '')} ${time.format(start)}–${time.format(end)}`;
}

/** "vrijdag 2 april 2027" / "Friday 2 April 2027": every date shown says its weekday. */
export function formatDate(d: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(d);
}

/** "dinsdag 9 maart 2027" / "Tuesday 9 March 2027": a date with its weekday. */
export function formatDayDate(d: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(d);
}

/** "vr 5 mrt 09:00" / "Fri 5 Mar 09:00". */
export function formatDateTime(d: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  })
    .format(d)
    .replace(',', '');
}

/** Shortens text to at most `max` characters, ending with an ellipsis when cut. */
export const truncate = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, Math.max(0, max - 1))}…`);
