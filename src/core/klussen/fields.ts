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

export { parseDay, type Day } from '../time.js';
import type { Day } from '../time.js';

/** The day as a date column holds it: UTC midnight. */
export const dayToDate = (d: Day) => new Date(Date.UTC(d.year, d.month - 1, d.day));

export const dateToIso = (d: Date) => d.toISOString().slice(0, 10);

/** Whole hours as people type them: `8`, `8,0`, `8 uur`, `8 hours`. Null when not a whole number. */
export function parseWholeNumber(input: string): number | null {
  const m = /^(\d{1,3})(?:[.,]0+)?\s*(?:u|uur|h|hrs?|hours?)?$/i.exec(input.trim());
  return m ? Number(m[1]) : null;
}
