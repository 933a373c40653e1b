import { localDate, startOfLocalDay } from '../time.js';

const DAYS: Record<string, number> = {
  maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5, zaterdag: 6, zondag: 7,
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
  ma: 1, di: 2, wo: 3, do: 4, vr: 5, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5,
};
const RELATIVE: Record<string, number> = { vandaag: 0, today: 0, morgen: 1, tomorrow: 1, overmorgen: 2 };

/** A search word without accents, lower case: "Ideeën" → "ideeen" (the repository compares without accents too). */
export const searchWord = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export interface WorkshopFilter {
  words: string[];
  from: Date;
  until?: Date;
  /** The day a day word ("dinsdag", "morgen") meant, so the answer can name its date. */
  day?: Date;
}

/**
 * "stress", "dinsdag", "morgen privacy": a day word narrows to that day (the next one to come),
 * other words must all occur in title, description or a theme.
 */
export function parseWorkshopFilter(q: string, now: Date, timeZone: string): WorkshopFilter {
  const words: string[] = [];
  let dayOffset: number | undefined;
  for (const raw of q.toLowerCase().split(/\s+/).filter(Boolean)) {
    const word = raw.replace(/[.,;:!?]+$/, '');
    if (word in RELATIVE) dayOffset = RELATIVE[word];
    else if (word in DAYS) {
      const today = localDate(now, timeZone).weekday;
      dayOffset = (DAYS[word]! - today + 7) % 7;
    } else if (word) words.push(searchWord(word));
  }
  if (dayOffset === undefined) return { words, from: now };
  const start = startOfLocalDay(now, timeZone, dayOffset);
  return { words, from: start > now ? start : now, until: startOfLocalDay(now, timeZone, dayOffset + 1), day: start };
}
