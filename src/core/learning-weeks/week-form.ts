import { parseDay } from '../time.js';
import type { LearningWeekFields } from './learning-week.js';
import type { Translate } from './texts.js';

/** A week longer than this is a typing mistake (a year too far), not a learning week. */
export const MAX_WEEK_DAYS = 31;
const KEY = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;

/** A code for links made from the name, when HR leaves the code empty: "Meester in je Werk 2027" → `meester-in-je-werk-2027`. */
export const keyFromName = (name: string) =>
  name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '');

export type ParsedWeekForm = { ok: true; fields: LearningWeekFields } | { ok: false; problems: string[] };

/**
 * The learning week's fields as HR types them: days as `15-04-2027` (ISO `2027-04-15` too, the same day parser as
 * every other form). Every mistake is named at once.
 */
export function parseWeekForm(form: Record<string, string>, tr: Translate): ParsedWeekForm {
  const value = (k: string) => String(form[k] ?? '').trim();
  const problems: string[] = [];
  const name = value('name').replace(/\s+/g, ' ').slice(0, 120);
  if (!name) problems.push(tr('week.required', { field: tr('week.field_name') }));
  const key = (value('key') || keyFromName(name)).toLowerCase();
  if (value('key') && !KEY.test(key)) problems.push(tr('week.bad_key'));
  const day = (k: string, label: string) => {
    if (!value(k)) {
      problems.push(tr('week.required', { field: label }));
      return null;
    }
    const d = parseDay(value(k));
    if (!d) problems.push(tr('week.bad_day', { field: label, value: value(k) }));
    return d ? new Date(Date.UTC(d.year, d.month - 1, d.day)) : null;
  };
  const startsOn = day('starts', tr('week.field_starts'));
  const endsOn = day('ends', tr('week.field_ends'));
  if (startsOn && endsOn && endsOn < startsOn) problems.push(tr('week.bad_order'));
  else if (startsOn && endsOn && (endsOn.getTime() - startsOn.getTime()) / 86_400_000 + 1 > MAX_WEEK_DAYS) {
    problems.push(tr('week.too_long', { days: MAX_WEEK_DAYS }));
  }
  if (problems.length || !startsOn || !endsOn || !key) return { ok: false, problems };
  return { ok: true, fields: { key, name, startsOn, endsOn } };
}

/** How a stored day is written back into the form: `15-04-2027`, which `parseWeekForm` reads again. */
export const formatDayInput = (d: Date) => {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}-${two(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
};
