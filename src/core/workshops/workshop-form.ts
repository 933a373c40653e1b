import { parseDateTime } from '../time.js';
import type { Translate } from './texts.js';
import type { WorkshopEdit } from './workshop-admin-repository.js';

export const WORKSHOP_FORM_FIELDS = ['title', 'starts', 'ends', 'location', 'capacity', 'deadline'] as const;

export type ParsedWorkshopForm =
  | { ok: true; edit: WorkshopEdit & { title: string; startsAt: Date; endsAt: Date; capacity: number } }
  | { ok: false; problems: string[]; typed: Record<string, string> };

/**
 * The workshop fields HR types (chat's edit form and the console): every mistake named at once, what was typed
 * kept. Times as `15-04-2027 09:00` or ISO, in the configured time zone.
 */
export function parseWorkshopForm(form: Record<string, string | string[]>, tr: Translate, tz: string, opts: { titleRequired?: boolean } = {}): ParsedWorkshopForm {
  const field = (k: string) => String(form[k] ?? '').trim();
  const problems: string[] = [];
  if (opts.titleRequired && !field('title')) problems.push(`${tr('manage.field_title')}: ${tr('manage.required')}`);
  const time = (k: string, label: string) => {
    const d = parseDateTime(field(k), tz);
    if (!d) problems.push(tr('manage.bad_time_in', { field: label, value: field(k) }));
    return d;
  };
  const startsAt = time('starts', tr('manage.field_starts'));
  const endsAt = time('ends', tr('manage.field_ends'));
  const signupDeadline = field('deadline') ? time('deadline', tr('manage.field_deadline')) : null;
  const capacity = Number(field('capacity'));
  if (!/^\d+$/.test(field('capacity')) || capacity < 1 || capacity > 10_000) problems.push(tr('manage.bad_capacity'));
  if (startsAt && endsAt && endsAt <= startsAt) problems.push(tr('manage.bad_order'));
  if (problems.length || !startsAt || !endsAt) {
    return { ok: false, problems, typed: Object.fromEntries(Object.keys(form).map((k) => [k, field(k)])) };
  }
  const place = field('location');
  const online = /^https?:\/\//i.test(place);
  return {
    ok: true,
    edit: {
      title: field('title').slice(0, 200),
      startsAt,
      endsAt,
      capacity,
      location: online ? 'Online' : place || null,
      onlineUrl: online ? place : null,
      signupDeadline,
    },
  };
}
