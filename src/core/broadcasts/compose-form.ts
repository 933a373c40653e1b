import { randomBytes } from 'node:crypto';
import type { Translate } from './texts.js';
import type { Form, FormField, Locale } from '../messages.js';
import { normaliseSkill, type Role } from '../people/person.js';
import { formatInput, parseDateTime } from '../time.js';
import { EDUCATION_LEVELS, educationLabel, parseEducationLevel } from '../people/education.js';
import type { Audience, Broadcast, BroadcastButton, BroadcastImage, BroadcastInput, Named } from './broadcast.js';

/** The compose form; its submission comes back as this action, with the draft's id when it edits one. */
export const COMPOSE_FORM = 'broadcast.form';

export const LIMITS = { title: 150, text: 2500, label: 40, url: 1000, alt: 300 };

export type FormValues = Record<string, string | string[]>;

const ROLE_VALUES: Record<string, Role> = {
  employee: 'EMPLOYEE', medewerker: 'EMPLOYEE',
  manager: 'MANAGER', leidinggevende: 'MANAGER',
  hr: 'HR',
};

const text = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : (v ?? '')).trim();
/** A list field: Slack and Teams send a list, the console sends typed text ("mbo, hbo"). */
const list = (v: string | string[] | undefined) =>
  [...new Set((Array.isArray(v) ? v : [v ?? '']).flatMap((s) => s.split(/[,;|\n]/)).map((s) => s.trim()).filter(Boolean))];

interface FormContext {
  organizations: { id: string; key: string; name: string }[];
  /** Entra ID groups (object id, name); empty without a directory sync. */
  groups?: Named[];
  /** Team leaders, for "the team of …" (by e-mail or name). */
  teamLeaders?: { id: string; name: string; email: string | null }[];
  /** Departments people are in today: offered as choices. */
  departments?: string[];
  /** Workshops still to come: their codes are what the button field can name. */
  workshops?: { key: string; title: string }[];
  timezone: string;
  now: Date;
  /** The reader's language, for choices shown in words (education levels). */
  locale?: Locale;
}

export function composeForm(tr: Translate, ctx: FormContext, values: FormValues = {}, draftId?: string): Form {
  const field = (f: FormField): FormField => {
    const initial = text(values[f.id]);
    return initial ? { ...f, initial } : f;
  };
  const optional = (id: string, label: Parameters<Translate>[0], extra: Partial<FormField> = {}) =>
    field({ id, label: tr(label), kind: 'text', required: false, ...extra });
  return {
    id: COMPOSE_FORM,
    ...(draftId ? { value: draftId } : {}),
    title: tr(draftId ? 'broadcast.form.edit_title' : 'broadcast.form.title'),
    submitLabel: tr('broadcast.form.submit'),
    fields: [
      field({ id: 'title', label: tr('broadcast.form.field_title'), kind: 'text', required: true, maxLength: LIMITS.title }),
      field({ id: 'text', label: tr('broadcast.form.field_text'), kind: 'textarea', required: true, maxLength: LIMITS.text }),
      optional('title_en', 'broadcast.form.field_title_en', { maxLength: LIMITS.title }),
      optional('text_en', 'broadcast.form.field_text_en', { kind: 'textarea', maxLength: LIMITS.text }),
      optional('button', 'broadcast.form.field_button', {
        placeholder: tr('broadcast.form.button_placeholder', { example: ctx.workshops?.[0]?.key ?? 'ws-…' }),
        maxLength: LIMITS.url,
      }),
      optional('button_label', 'broadcast.form.field_button_label', { maxLength: LIMITS.label }),
      // After the button: chat forms show their first fields at once, and those stay the ones HR needs most.
      optional('image_url', 'broadcast.form.field_image', { placeholder: 'https://…', maxLength: LIMITS.url }),
      optional('image_alt', 'broadcast.form.field_image_alt', { maxLength: LIMITS.alt }),
      // A choice list without choices is no field (Teams refuses the card): no organisations yet, no field.
      ...(ctx.organizations.length
        ? [optional('organizations', 'broadcast.form.field_organizations', {
            kind: 'multiselect',
            options: ctx.organizations.map((o) => ({ value: o.key, label: o.name })),
          })]
        : []),
      departmentsField(tr, ctx, list(values.departments)),
      optional('levels', 'broadcast.form.field_levels', { kind: 'multiselect', options: EDUCATION_LEVELS.map((l) => ({ value: l, label: educationLabel(l, ctx.locale ?? 'nl') })) }),
      ...(ctx.groups?.length
        ? [optional('groups', 'broadcast.form.field_groups', { kind: 'multiselect', options: ctx.groups.slice(0, 100).map((g) => ({ value: g.id, label: g.name })) })]
        : []),
      optional('teams', 'broadcast.form.field_teams', { placeholder: tr('broadcast.form.teams_placeholder') }),
      optional('roles', 'broadcast.form.field_roles', {
        kind: 'multiselect',
        options: (['employee', 'manager', 'hr'] as const).map((r) => ({ value: r, label: tr(`broadcast.role.${r}`) })),
      }),
      optional('tags', 'broadcast.form.field_tags', { placeholder: tr('broadcast.form.list_placeholder') }),
      optional('when', 'broadcast.form.field_when', { placeholder: tr('broadcast.form.when_placeholder') }),
    ],
  };
}

/** Departments as choices that exist in the data (plus any a stored draft names); free text when none are known. */
function departmentsField(tr: Translate, ctx: FormContext, chosen: string[]): FormField {
  const known = [...new Set([...(ctx.departments ?? []), ...chosen.map((d) => d.toLowerCase())])];
  const base = { id: 'departments', label: tr('broadcast.form.field_departments'), required: false };
  if (known.length === 0) return { ...base, kind: 'text', placeholder: tr('broadcast.form.list_placeholder') };
  return { ...base, kind: 'multiselect', options: known.map((d) => ({ value: d, label: d })), ...(chosen.length ? { initial: chosen.join(', ') } : {}) };
}

/** The workshop code a button field names (anything that is not a link), or null. */
export function workshopCodeIn(values: FormValues): string | null {
  const target = text(values.button);
  return target && !/^[a-z]+:\/\//i.test(target) && !target.startsWith('www.') ? target : null;
}

export type Parsed = { ok: true; value: BroadcastInput } | { ok: false; problems: string[] };

type Bounded = (id: string, label: Parameters<Translate>[0], max: number, required: boolean) => string;

/** The optional picture: a public https address (Slack and Teams fetch it themselves) and its description. */
function parseImage(values: FormValues, tr: Translate, bounded: Bounded, problems: string[]): BroadcastImage | null {
  const url = bounded('image_url', 'broadcast.form.field_image', LIMITS.url, false);
  const alt = bounded('image_alt', 'broadcast.form.field_image_alt', LIMITS.alt, false);
  const altEn = bounded('image_alt_en', 'broadcast.form.field_image_alt_en', LIMITS.alt, false);
  if (!url) return null;
  if (!/^https:\/\/[^\s/$.?#][^\s]*$/i.test(url) || !URL.canParse(url)) problems.push(tr('broadcast.invalid.image'));
  // People who cannot see the picture hear its description (WCAG 1.1.1).
  if (!alt) problems.push(tr('broadcast.invalid.image_alt'));
  return { url, alt, ...(altEn ? { altEn } : {}) };
}

/** Checks a submitted form and names every problem at once, in the author's language. */
export function parseComposeForm(values: FormValues, tr: Translate, ctx: FormContext, keepSecret?: string): Parsed {
  const problems: string[] = [];
  const bounded = (id: string, label: Parameters<Translate>[0], max: number, required: boolean) => {
    const s = text(values[id]);
    if (required && !s) problems.push(tr('broadcast.invalid.missing', { field: tr(label) }));
    else if (s.length > max) problems.push(tr('broadcast.invalid.too_long', { field: tr(label), max }));
    return s;
  };
  const title = bounded('title', 'broadcast.form.field_title', LIMITS.title, true);
  const body = bounded('text', 'broadcast.form.field_text', LIMITS.text, true);
  const titleEn = bounded('title_en', 'broadcast.form.field_title_en', LIMITS.title, false);
  const bodyEn = bounded('text_en', 'broadcast.form.field_text_en', LIMITS.text, false);
  if (Boolean(titleEn) !== Boolean(bodyEn)) problems.push(tr('broadcast.invalid.english_half'));
  const image = parseImage(values, tr, bounded, problems);
  const label = bounded('button_label', 'broadcast.form.field_button_label', LIMITS.label, false);

  let button: BroadcastButton | null = null;
  const target = text(values.button);
  if (/^[a-z]+:\/\//i.test(target) || target.startsWith('www.')) {
    if (!/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(target) || !URL.canParse(target)) problems.push(tr('broadcast.invalid.link'));
    else button = { kind: 'link', url: target, ...(label ? { label } : {}), secret: keepSecret ?? randomBytes(16).toString('hex') };
  } else if (target) {
    button = { kind: 'workshop', workshopKey: target };
  }

  const audience: Audience = { organizations: [], departments: [], educationLevels: [], roles: [], tags: [] };
  for (const o of list(values.organizations)) {
    // Slack and Teams send the option's value (the key); typed in the console, a name does as well.
    const org = ctx.organizations.find((x) => [x.key.toLowerCase(), x.id, x.name.toLowerCase()].includes(o.toLowerCase()));
    if (org) audience.organizations.push(org.id);
    else problems.push(tr('broadcast.invalid.organization', { value: o }));
  }
  audience.departments = list(values.departments);
  const levels = new Set<string>();
  for (const l of list(values.levels)) {
    const level = parseEducationLevel(l);
    if (level) levels.add(level);
    else problems.push(tr('broadcast.invalid.level', { value: l, levels: EDUCATION_LEVELS.join(', ') }));
  }
  audience.educationLevels = [...levels];
  const groups: Named[] = [];
  for (const g of list(values.groups)) {
    // Slack and Teams send the group's id; typed in the console, its name does as well.
    const group = ctx.groups?.find((x) => x.id === g || x.name.toLowerCase() === g.toLowerCase());
    if (group) groups.push(group);
    else problems.push(tr('broadcast.invalid.group', { value: g }));
  }
  if (groups.length) audience.groups = groups;
  const managers: Named[] = [];
  for (const t of list(values.teams)) {
    const lead = ctx.teamLeaders?.find((x) => x.email === t.toLowerCase() || x.name.toLowerCase() === t.toLowerCase() || x.id === t);
    if (lead) managers.push({ id: lead.id, name: lead.name });
    else problems.push(tr('broadcast.invalid.team', { value: t }));
  }
  if (managers.length) audience.managers = managers;
  for (const r of list(values.roles)) {
    const role = ROLE_VALUES[r.toLowerCase()];
    if (role) audience.roles.push(role);
    else problems.push(tr('broadcast.invalid.role', { value: r }));
  }
  audience.roles = [...new Set(audience.roles)];
  audience.tags = list(values.tags).map(normaliseSkill);

  let scheduledAt: Date | null = null;
  const when = text(values.when);
  if (when) {
    scheduledAt = parseDateTime(when, ctx.timezone);
    if (!scheduledAt) problems.push(tr('broadcast.invalid.when', { value: when }));
    else if (scheduledAt <= ctx.now) problems.push(tr('broadcast.invalid.when_past'));
  }

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      content: { nl: { title, text: body }, ...(titleEn ? { en: { title: titleEn, text: bodyEn } } : {}), ...(image ? { image } : {}) },
      button,
      audience,
      scheduledAt,
    },
  };
}

/** A stored broadcast as form values, to change it. */
export function broadcastValues(b: Broadcast, ctx: FormContext): FormValues {
  const keyOf = (id: string) => ctx.organizations.find((o) => o.id === id)?.key ?? id;
  const roleValue = { EMPLOYEE: 'employee', MANAGER: 'manager', HR: 'hr' } as const;
  return {
    title: b.content.nl.title,
    text: b.content.nl.text,
    title_en: b.content.en?.title ?? '',
    text_en: b.content.en?.text ?? '',
    button: b.button ? (b.button.kind === 'link' ? b.button.url : b.button.workshopKey) : '',
    button_label: b.button?.kind === 'link' ? (b.button.label ?? '') : '',
    image_url: b.content.image?.url ?? '',
    image_alt: b.content.image?.alt ?? '',
    image_alt_en: b.content.image?.altEn ?? '',
    organizations: b.audience.organizations.map(keyOf),
    departments: b.audience.departments.join(', '),
    levels: b.audience.educationLevels,
    roles: b.audience.roles.map((r) => roleValue[r]),
    tags: b.audience.tags.join(', '),
    groups: (b.audience.groups ?? []).map((g) => g.id),
    teams: (b.audience.managers ?? []).map((m) => ctx.teamLeaders?.find((t) => t.id === m.id)?.email ?? m.name).join(', '),
    when: b.scheduledAt ? formatInput(b.scheduledAt, ctx.timezone) : '',
  };
}
