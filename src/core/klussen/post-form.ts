import type { Translate } from './texts.js';
import type { Form, FormField } from '../messages.js';
import { localDate, zonedTime } from '../time.js';
import { dateToIso, dayToDate, fieldText, parseDay, parseWholeNumber, skillList, type Day, type FormValues } from './fields.js';
import type { Klus, KlusInput } from './klus.js';

/** The form a manager posts a klus with; its submission comes back as this action. */
export const POST_FORM = 'klus.form';

// Sizes keep a filled-in form small enough to travel in a Slack button (2,000 characters, compressed).
export const POST_LIMITS = { title: 100, description: 1000, location: 100, skills: 15, skill: 50, hoursMax: 40 };

const OPEN_TO = { org: 'organisatie', region: 'regio' } as const;
const ORG_WORDS = ['organisatie', 'org', 'eigen', 'own', 'organisation', 'organization', 'alleen mijn organisatie'];
const REGION_WORDS = ['regio', 'region', 'heel de regio', 'hele regio', 'iedereen', 'everyone', 'whole region'];

/** The form, filled with `values` when it comes back after a mistake or to edit a draft (`draftId`). */
export function postForm(tr: Translate, opts: { values?: FormValues; draftId?: string; hasOrganization: boolean }): Form {
  const v = opts.values ?? {};
  const field = (f: Omit<FormField, 'initial'>): FormField => {
    const initial = fieldText(v[f.id]);
    return initial ? { ...f, initial } : f;
  };
  const openTo = [
    ...(opts.hasOrganization ? [{ value: OPEN_TO.org, label: tr('klus.form.open_to_org') }] : []),
    { value: OPEN_TO.region, label: tr('klus.form.open_to_region') },
  ];
  return {
    id: POST_FORM,
    ...(opts.draftId ? { value: opts.draftId } : {}),
    title: tr('klus.form.title'),
    submitLabel: tr('klus.form.submit'),
    fields: [
      field({ id: 'title', label: tr('klus.form.field_title'), kind: 'text', required: true, maxLength: POST_LIMITS.title }),
      field({ id: 'description', label: tr('klus.form.field_description'), kind: 'textarea', required: true, maxLength: POST_LIMITS.description }),
      field({ id: 'skills', label: tr('klus.form.field_skills'), kind: 'text', required: true, placeholder: tr('klus.form.skills_placeholder'), maxLength: 500 }),
      field({ id: 'hours', label: tr('klus.form.field_hours'), kind: 'number', required: true }),
      field({ id: 'startsOn', label: tr('klus.form.field_starts'), kind: 'date', required: true }),
      field({ id: 'endsOn', label: tr('klus.form.field_ends'), kind: 'date', required: true }),
      field({ id: 'location', label: tr('klus.form.field_location'), kind: 'text', required: false, maxLength: POST_LIMITS.location }),
      field({ id: 'openTo', label: tr('klus.form.field_open_to'), kind: 'select', required: true, options: openTo }),
      field({ id: 'deadline', label: tr('klus.form.field_deadline'), kind: 'date', required: true }),
    ],
  };
}

/** A stored draft as form values, to edit it. */
export function klusValues(k: Klus, timezone: string): FormValues {
  const deadline = k.deadline ? localDate(k.deadline, timezone) : null;
  return {
    title: k.title,
    description: k.description,
    skills: k.skills.join(', '),
    hours: k.hoursPerWeek ? String(k.hoursPerWeek) : '',
    startsOn: k.startsOn ? dateToIso(k.startsOn) : '',
    endsOn: k.endsOn ? dateToIso(k.endsOn) : '',
    location: k.location ?? '',
    openTo: k.openToRegion ? OPEN_TO.region : OPEN_TO.org,
    deadline: deadline ? dateToIso(dayToDate(deadline)) : '',
  };
}

export type ParsedKlus = { ok: true; value: KlusInput } | { ok: false; problems: string[] };

/**
 * Checks a submitted post form and says every problem at once, in the poster's language. Dates are calendar
 * days; the deadline lasts until the end of its day in the bot's timezone.
 */
export function parseKlusForm(
  values: FormValues,
  opts: { now: Date; timezone: string; hasOrganization: boolean },
  tr: Translate,
): ParsedKlus {
  const problems: string[] = [];
  const text = (id: string, label: Parameters<Translate>[0], max: number, required: boolean) => {
    const s = fieldText(values[id]);
    if (required && !s) problems.push(tr('klus.invalid.missing', { field: tr(label) }));
    else if (s.length > max) problems.push(tr('klus.invalid.too_long', { field: tr(label), max }));
    return s;
  };
  const title = text('title', 'klus.form.field_title', POST_LIMITS.title, true);
  const description = text('description', 'klus.form.field_description', POST_LIMITS.description, true);
  const location = text('location', 'klus.form.field_location', POST_LIMITS.location, false);

  const skills = skillList(values.skills);
  if (skills.length === 0) problems.push(tr('klus.invalid.skills_missing'));
  else if (skills.length > POST_LIMITS.skills) problems.push(tr('klus.invalid.skills_many', { max: POST_LIMITS.skills }));
  else if (skills.some((s) => s.length > POST_LIMITS.skill)) problems.push(tr('klus.invalid.skill_long', { max: POST_LIMITS.skill }));

  const hoursText = fieldText(values.hours);
  const hours = parseWholeNumber(hoursText);
  if (hours === null || hours < 1 || hours > POST_LIMITS.hoursMax) problems.push(tr('klus.invalid.hours', { max: POST_LIMITS.hoursMax }));

  const day = (id: string, label: Parameters<Translate>[0]): Day | null => {
    const s = fieldText(values[id]);
    if (!s) {
      problems.push(tr('klus.invalid.missing', { field: tr(label) }));
      return null;
    }
    const d = parseDay(s);
    if (!d) problems.push(tr('klus.invalid.date', { field: tr(label), value: s }));
    return d;
  };
  const starts = day('startsOn', 'klus.form.field_starts');
  const ends = day('endsOn', 'klus.form.field_ends');
  const deadlineDay = day('deadline', 'klus.form.field_deadline');
  const today = dayToDate(localDate(opts.now, opts.timezone));
  if (starts && ends && dayToDate(ends) < dayToDate(starts)) problems.push(tr('klus.invalid.period'));
  else if (ends && dayToDate(ends) < today) problems.push(tr('klus.invalid.ends_past'));
  if (deadlineDay && dayToDate(deadlineDay) < today) problems.push(tr('klus.invalid.deadline_past'));
  else if (deadlineDay && ends && dayToDate(deadlineDay) > dayToDate(ends)) problems.push(tr('klus.invalid.deadline_after_end'));

  const openTo = fieldText(values.openTo).toLowerCase();
  const toOrg = ORG_WORDS.includes(openTo);
  if (!toOrg && !REGION_WORDS.includes(openTo)) problems.push(tr('klus.invalid.open_to'));
  else if (toOrg && !opts.hasOrganization) problems.push(tr('klus.invalid.no_organization'));

  if (problems.length > 0) return { ok: false, problems };
  const endOfDeadline = zonedTime({ ...deadlineDay!, day: deadlineDay!.day + 1 }, opts.timezone);
  return {
    ok: true,
    value: {
      title,
      description,
      skills,
      hoursPerWeek: hours!,
      startsOn: dayToDate(starts!),
      endsOn: dayToDate(ends!),
      location: location || null,
      openToRegion: !toOrg,
      deadline: new Date(endOfDeadline.getTime() - 1),
    },
  };
}
