import { normaliseSkill } from '../people/person.js';

/** What a submitted form carries: text, a date `YYYY-MM-DD`, an option value, or a list of values. */
export type FormValues = Record<string, string | string[]>;

/** A field as text: lists (multi-selects) joined, so a form shown again holds what was typed. */
export const fieldText = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : (v ?? '')).trim();

/**
 * Skills from a list field or free text: "Excel, archief; schrijven" → ['excel', 'archief', 'schrijven'].
 * Slack and Teams send a list, the console sends what was typed.
 */
export function skillList(v: string | string[] | undefined): string[] {
  const parts = (Array.isArray(v) ? v : [v ?? '']).flatMap((s) => s.split(/[,;|\n]/));
  return [...new Set(parts.map(normaliseSkill).filter(Boolean))];
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

/** The day as a date column holds it: UTC midnight. */
export const dayToDate = (d: Day) => new Date(Date.UTC(d.year, d.month - 1, d.day));

export const dateToIso = (d: Date) => d.toISOString().slice(0, 10);

/** Whole hours as people type them: `8`, `8,0`, `8 uur`, `8 hours`. Null when not a whole number. */
export function parseWholeNumber(input: string): number | null {
  const m = /^(\d{1,3})(?:[.,]0+)?\s*(?:u|uur|h|hrs?|hours?)?$/i.exec(input.trim());
  return m ? Number(m[1]) : null;
}
