import { localDate } from '../time.js';
import type { Workshop } from './workshop.js';

// RFC 5545 text escaping: backslash, semicolon, comma and newlines.
const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Lines longer than 75 octets are folded (RFC 5545 §3.1), without splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const pad = (n: number) => String(n).padStart(2, '0');
const utcStamp = (d: Date) =>
  `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
const localStamp = (d: Date, tz: string) => {
  const p = localDate(d, tz);
  return `${p.year}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}00`;
};

// EU summer time rules (since 1996): last Sunday of March 02:00 → CEST, last Sunday of October 03:00 → CET.
const VTIMEZONE_EUROPE_AMSTERDAM = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Amsterdam',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/**
 * A calendar file for one workshop. Times carry TZID=Europe/Amsterdam when that is the configured zone
 * (calendar apps then show local time correctly across DST), otherwise UTC.
 */
export function workshopIcs(w: Workshop & { sequence: number; updatedAt: Date }, opts: { timezone: string; host: string }): string {
  const amsterdam = opts.timezone === 'Europe/Amsterdam';
  const dt = (name: string, d: Date) => (amsterdam ? `${name};TZID=Europe/Amsterdam:${localStamp(d, opts.timezone)}` : `${name}:${utcStamp(d)}`);
  const location = w.onlineUrl ?? w.location ?? '';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Vliegwiel//Workshops//NL',
    'CALSCALE:GREGORIAN',
    `METHOD:${w.cancelled ? 'CANCEL' : 'PUBLISH'}`,
    ...(amsterdam ? VTIMEZONE_EUROPE_AMSTERDAM : []),
    'BEGIN:VEVENT',
    `UID:workshop-${w.id}@${opts.host}`,
    `SEQUENCE:${w.sequence}`,
    `DTSTAMP:${utcStamp(w.updatedAt)}`,
    dt('DTSTART', w.startsAt),
    dt('DTEND', w.endsAt),
    `SUMMARY:${esc(w.title)}`,
    ...(w.description ? [`DESCRIPTION:${esc(w.description)}`] : []),
    ...(location ? [`LOCATION:${esc(location)}`] : []),
    ...(w.onlineUrl ? [`URL:${esc(w.onlineUrl)}`] : []),
    `STATUS:${w.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
