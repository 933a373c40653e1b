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
