import type { Locale } from '../messages.js';

const DAY_NAMES = {
  nl: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const WORDS = {
  nl: { every: 'elke', daily: 'elke dag', weekdays: 'elke werkdag', at: 'om', and: 'en', monthDay: 'elke maand op de {day}e' },
  en: { every: 'every', daily: 'every day', weekdays: 'every weekday', at: 'at', and: 'and', monthDay: 'every month on day {day}' },
};

const list = (items: string[], and: string) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`);

/** "1-5", "2", "1,3": the days of a cron day field, Sunday = 0 (7 also means Sunday); null when not plain. */
function days(field: string): number[] | null {
  const out: number[] = [];
  for (const part of field.split(',')) {
    const range = /^(\d)(?:-(\d))?$/.exec(part);
    if (!range) return null;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (from > 7 || to > 7 || to < from) return null;
    for (let d = from; d <= to; d++) out.push(d % 7);
  }
  return [...new Set(out)];
}

/**
 * A campaign's cron schedule in words: "0 7 * * 2" → "elke dinsdag om 07:00". The usual shapes (a time on some
 * weekdays, every day, a day of the month) are said in words; anything else is shown as it is, marked as cron.
 */
export function scheduleInWords(cron: string, locale: Locale): string {
  const w = WORDS[locale];
  const f = cron.trim().split(/\s+/);
  const time = f.length === 5 && /^\d{1,2}$/.test(f[0]!) && /^\d{1,2}$/.test(f[1]!) ? `${f[1]!.padStart(2, '0')}:${f[0]!.padStart(2, '0')}` : null;
  if (!time || f[3] !== '*') return `cron ${cron}`;
  const [, , dom, , dow] = f as [string, string, string, string, string];
  if (dom === '*' && dow === '*') return `${w.daily} ${w.at} ${time}`;
  if (dom !== '*' && dow === '*' && /^\d{1,2}$/.test(dom)) return `${w.monthDay.replace('{day}', dom)} ${w.at} ${time}`;
  const ds = dom === '*' ? days(dow) : null;
  if (!ds) return `cron ${cron}`;
  const sorted = [...ds].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  if (sorted.join() === '1,2,3,4,5') return `${w.weekdays} ${w.at} ${time}`;
  return `${w.every} ${list(sorted.map((d) => DAY_NAMES[locale][d]!), w.and)} ${w.at} ${time}`;
}

const DAY_WORDS: Record<string, number> = {
  zondag: 0, zo: 0, sunday: 0, sun: 0,
  maandag: 1, ma: 1, monday: 1, mon: 1,
  dinsdag: 2, di: 2, tuesday: 2, tue: 2,
  woensdag: 3, wo: 3, wednesday: 3, wed: 3,
  donderdag: 4, do: 4, thursday: 4, thu: 4,
  vrijdag: 5, vr: 5, friday: 5, fri: 5,
  zaterdag: 6, za: 6, saturday: 6, sat: 6,
};

/**
 * The way back from words to a schedule: "elke dinsdag om 07:00", "elke werkdag om 9:30", "elke maandag en
 * donderdag om 08:00", "elke dag om 10:00", "elke maand op de 3e om 09:00" (and the English of each) → a cron
 * expression of 5 fields. Null when the words are not one of these shapes. What `scheduleInWords` says, this reads.
 */
export function parseScheduleWords(text: string): string | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
  const m = /^(?:elke|iedere|every|each) (.+?) (?:om|at) (\d{1,2})(?:[:.](\d{2}))?(?: ?uur)?$/.exec(s);
  if (!m) return null;
  const hour = Number(m[2]);
  const minute = m[3] === undefined ? 0 : Number(m[3]);
  if (hour > 23 || minute > 59) return null;
  const at = `${minute} ${hour}`;
  const what = m[1]!;
  if (['dag', 'day'].includes(what)) return `${at} * * *`;
  if (['werkdag', 'weekday', 'working day', 'workday'].includes(what)) return `${at} * * 1-5`;
  const month = /^(?:maand op de|month on(?: the| day)?) (\d{1,2})(?:e|ste|de|st|nd|rd|th)?$/.exec(what);
  if (month) {
    const day = Number(month[1]);
    return day >= 1 && day <= 28 ? `${at} ${day} * *` : null;
  }
  const names = what.split(/\s*,\s*|\s+(?:en|and)\s+/);
  const days = names.map((n) => DAY_WORDS[n]);
  if (days.some((d) => d === undefined)) return null;
  const sorted = [...new Set(days as number[])].sort((a, b) => a - b);
  return `${at} * * ${sorted.join(',')}`;
}
