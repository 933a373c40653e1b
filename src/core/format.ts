import type { Locale } from './messages.js';

const intlLocale = (l: Locale) => (l === 'nl' ? 'nl-NL' : 'en-GB');

/** "di 16 mrt 10:00–12:00" / "Tue 16 Mar 10:00–12:00" in the given timezone. */
export function formatSlot(start: Date, end: Date, locale: Locale, timeZone: string): string {
  const day = new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone,
  }).format(start);
  const time = new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', timeZone, hourCycle: 'h23' });
  return `${day.replace(/\.$/, '')} ${time.format(start)}–${time.format(end)}`;
}

/** "vrijdag 2 april 2027" / "Friday 2 April 2027": every date shown says its weekday. */
export function formatDate(d: Date, locale: Locale, timeZone: string): string {
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
