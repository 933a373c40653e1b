import type { LearningWeek } from '../../../core/learning-weeks/learning-week.js';
import { formatDayInput } from '../../../core/learning-weeks/week-form.js';
import { formatInput } from '../../../core/time.js';
import type { Workshop } from '../../../core/workshops/workshop.js';
import { field, postForm, problems, submit } from '../forms.js';
import { html, type Html } from '../html.js';
import type { PageContext } from '../page.js';

/** The workshop form (new and edit): typed values win over stored ones, so nothing typed is lost. */
export function workshopForm(
  ctx: PageContext,
  action: string,
  opts: { w?: Workshop; typed?: Record<string, string>; problems?: string[]; submitLabel: string; full: boolean; weeks?: WeekChoice },
): Html {
  const tz = ctx.services.core.ctx.settings.timezone;
  const w = opts.w;
  const v = (k: string, stored: string) => opts.typed?.[k] ?? stored;
  const t = ctx.t;
  return html`${problems(ctx, opts.problems ?? [])}${postForm(ctx, action, [
    field({ name: 'title', label: t('ws.field_title'), value: v('title', w?.title ?? ''), required: true }),
    opts.full ? field({ name: 'description', label: `${t('ws.field_description')} ${t('form.optional')}`, type: 'textarea', value: v('description', w?.description ?? '') }) : html``,
    field({ name: 'starts', label: t('ws.field_starts'), hint: t('ws.time_hint'), value: v('starts', w ? formatInput(w.startsAt, tz) : ''), required: true }),
    field({ name: 'ends', label: t('ws.field_ends'), hint: t('ws.time_hint'), value: v('ends', w ? formatInput(w.endsAt, tz) : ''), required: true }),
    field({ name: 'location', label: `${t('ws.field_location')} ${t('form.optional')}`, value: v('location', w ? (w.onlineUrl ?? w.location ?? '') : '') }),
    field({ name: 'capacity', label: t('ws.field_capacity'), type: 'number', value: v('capacity', w ? String(w.capacity) : ''), required: true }),
    field({ name: 'deadline', label: `${t('ws.field_deadline')} ${t('form.optional')}`, hint: t('ws.time_hint'), value: v('deadline', w?.signupDeadline ? formatInput(w.signupDeadline, tz) : '') }),
    opts.full ? field({ name: 'organization', label: `${t('ws.field_organization')} ${t('form.optional')}`, hint: t('ws.organization_hint'), value: v('organization', '') }) : html``,
    opts.weeks ? weekField(ctx, opts.weeks, v('week', opts.weeks.current ?? '')) : html``,
    opts.full ? field({ name: 'tags', label: `${t('ws.field_tags')} ${t('form.optional')}`, hint: t('ws.tags_hint'), value: v('tags', w?.tags.join('|') ?? '') }) : html``,
    submit(opts.submitLabel),
  ])}`;
}

/** The learning weeks to choose from, and the week the workshop is in now. */
export interface WeekChoice {
  weeks: LearningWeek[];
  current: string | null;
}

/** Loads the week choice for the workshop form (HR only, as the form itself). */
export async function weekChoice(ctx: PageContext, workshopId?: string): Promise<WeekChoice> {
  const current = workshopId ? await ctx.services.learningWeeks.weekOfWorkshop(ctx.actor, workshopId) : null;
  return { weeks: await ctx.services.learningWeeks.choices(ctx.actor, current), current };
}

function weekField(ctx: PageContext, choice: WeekChoice, value: string): Html {
  const t = ctx.t;
  const options = [
    { value: '', label: t('ws.week_none') },
    ...choice.weeks.map((w) => ({ value: w.id, label: `${w.name} (${formatDayInput(w.startsOn)} – ${formatDayInput(w.endsOn)})` })),
  ];
  return field({ name: 'week', type: 'select', label: `${t('ws.field_week')} ${t('form.optional')}`, hint: t('ws.week_hint'), value, options });
}
