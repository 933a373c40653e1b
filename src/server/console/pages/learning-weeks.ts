import { audit } from '../../../core/audit/audit.js';
import type { LearningWeek } from '../../../core/learning-weeks/learning-week.js';
import { formatDayInput } from '../../../core/learning-weeks/week-form.js';
import { formatDayDate, formatSlot } from '../../../core/format.js';
import { field, postForm, problems, submit } from '../forms.js';
import { html, type Html } from '../html.js';
import { page, redirect, type PageContext, type PageModule } from '../page.js';

const day = (ctx: PageContext, d: Date) => formatDayDate(d, ctx.locale, 'UTC');
const publicPath = (w: LearningWeek) => `/aanbod/week/${encodeURIComponent(w.key)}`;

function notice(ctx: PageContext): Html | '' {
  const done = ctx.query.get('done');
  return done === 'created' || done === 'saved' ? html`<p class="notice" role="status">${ctx.t(`weeks.done_${done}`)}</p>` : '';
}

/** The links anyone may open: the week's public page and its A4 poster (named per week, for screen readers). */
const links = (ctx: PageContext, w: LearningWeek) =>
  html`<a href="${publicPath(w)}">${ctx.t('weeks.public_page', { name: w.name })}</a><br><a href="${publicPath(w)}/poster.pdf">${ctx.t('weeks.poster', { name: w.name })}</a>`;

async function list(ctx: PageContext) {
  const t = ctx.t;
  const weeks = await ctx.services.learningWeeks.list(ctx.actor);
  const rows = weeks.map(
    (w) => html`<tr>
<td data-label="${t('weeks.col_name')}"><a href="/beheer/weeks/${w.id}">${w.name}</a><br><span class="hint">${w.key}</span></td>
<td data-label="${t('weeks.col_when')}">${t('weeks.when', { from: day(ctx, w.startsOn), to: day(ctx, w.endsOn) })}</td>
<td data-label="${t('weeks.col_workshops')}" class="num">${w.workshops}</td>
<td data-label="${t('weeks.col_seats')}" class="num">${t('weeks.seats', { confirmed: w.confirmed, capacity: w.capacity })}</td>
<td data-label="${t('weeks.col_fill')}" class="num">${w.capacity ? `${Math.round((100 * w.confirmed) / w.capacity)}%` : '–'}</td>
<td data-label="${t('weeks.col_waitlist')}" class="num">${w.waitlisted}</td>
<td data-label="${t('weeks.col_links')}">${links(ctx, w)}</td>
</tr>`,
  );
  const body = html`${notice(ctx)}<p>${t('weeks.intro')}</p>
<div class="actions"><a class="button primary" href="/beheer/weeks/new">${t('weeks.new')}</a></div>
${weeks.length === 0
  ? html`<p>${t('weeks.empty')}</p>`
  : html`<div class="table-wrap"><table class="stack"><caption>${t('weeks.caption')}</caption>
<thead><tr><th scope="col">${t('weeks.col_name')}</th><th scope="col">${t('weeks.col_when')}</th><th scope="col" class="num">${t('weeks.col_workshops')}</th><th scope="col" class="num">${t('weeks.col_seats')}</th><th scope="col" class="num">${t('weeks.col_fill')}</th><th scope="col" class="num">${t('weeks.col_waitlist')}</th><th scope="col">${t('weeks.col_links')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`}`;
  return page(t('weeks.title'), body, '/beheer/weeks');
}

/** The week form (new and edit): what was typed wins over what is stored, so nothing typed is lost. */
function weekForm(ctx: PageContext, action: string, o: { w?: LearningWeek; typed?: Record<string, string>; problems?: string[]; submitLabel: string }): Html {
  const t = ctx.t;
  const v = (k: string, stored: string) => o.typed?.[k] ?? stored;
  return html`${problems(ctx, o.problems ?? [])}${postForm(ctx, action, [
    field({ name: 'name', label: t('weeks.field_name'), hint: t('weeks.name_hint'), value: v('name', o.w?.name ?? ''), required: true }),
    field({ name: 'key', label: `${t('weeks.field_key')} ${t('form.optional')}`, hint: t(o.w ? 'weeks.key_hint_edit' : 'weeks.key_hint'), value: v('key', o.w?.key ?? '') }),
    field({ name: 'starts', label: t('weeks.field_starts'), hint: t('weeks.day_hint'), value: v('starts', o.w ? formatDayInput(o.w.startsOn) : ''), required: true }),
    field({ name: 'ends', label: t('weeks.field_ends'), hint: t('weeks.day_hint'), value: v('ends', o.w ? formatDayInput(o.w.endsOn) : ''), required: true }),
    submit(o.submitLabel),
  ])}`;
}

const newPage = (ctx: PageContext, typed?: Record<string, string>, mistakes?: string[]) => ({
  ...page(ctx.t('weeks.new'), weekForm(ctx, '/beheer/weeks/new', { submitLabel: ctx.t('weeks.create'), ...(typed ? { typed } : {}), ...(mistakes ? { problems: mistakes } : {}) }), '/beheer/weeks'),
  ...(mistakes?.length ? { status: 422 } : {}),
});

async function detail(ctx: PageContext, typed?: Record<string, string>, mistakes?: string[]) {
  const t = ctx.t;
  const { week: w, workshops } = await ctx.services.learningWeeks.detail(ctx.actor, ctx.params.id!);
  const tz = ctx.services.core.ctx.settings.timezone;
  const rows = workshops.map(
    (x) => html`<tr>
<td data-label="${t('ws.col_title')}"><a href="/beheer/workshops/${x.id}">${x.title}</a></td>
<td data-label="${t('ws.col_when')}">${formatSlot(x.startsAt, x.endsAt, ctx.locale, tz)}</td>
<td data-label="${t('ws.col_seats')}" class="num">${t('ws.seats', { confirmed: x.confirmed, capacity: x.capacity })}</td>
<td data-label="${t('ws.col_waitlist')}" class="num">${x.waitlisted}</td>
<td data-label="${t('ws.col_status')}">${x.cancelled ? t('ws.cancelled') : t('ws.open')}</td>
</tr>`,
  );
  const list = workshops.length === 0
    ? html`<p>${t('weeks.no_workshops')}</p>`
    : html`<div class="table-wrap"><table class="stack"><caption>${t('weeks.workshops_caption', { name: w.name })}</caption>
<thead><tr><th scope="col">${t('ws.col_title')}</th><th scope="col">${t('ws.col_when')}</th><th scope="col" class="num">${t('ws.col_seats')}</th><th scope="col" class="num">${t('ws.col_waitlist')}</th><th scope="col">${t('ws.col_status')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
  const body = html`${notice(ctx)}
<div class="card"><dl>
<dt>${t('weeks.col_when')}</dt><dd>${t('weeks.when', { from: day(ctx, w.startsOn), to: day(ctx, w.endsOn) })}</dd>
<dt>${t('weeks.field_key')}</dt><dd>${w.key}</dd>
<dt>${t('weeks.col_links')}</dt><dd>${links(ctx, w)}</dd>
</dl></div>
<h2>${t('weeks.workshops')}</h2>
${list}
<p>${t('weeks.workshops_hint')}</p>
<h2>${t('weeks.edit')}</h2>
${weekForm(ctx, `/beheer/weeks/${w.id}`, { w, submitLabel: t('form.save'), ...(typed ? { typed } : {}), ...(mistakes ? { problems: mistakes } : {}) })}`;
  return { ...page(w.name, body, '/beheer/weeks'), ...(mistakes?.length ? { status: 422 } : {}) };
}

const who = (ctx: PageContext) => ({ actor: ctx.actor.person.id, actorId: ctx.actor.person.id });

/** Learning weeks (HR only): the list with fill and waitlist, links to the public page and poster, create and change. */
export const learningWeeksPage: PageModule = {
  nav: { href: '/beheer/weeks', label: 'nav.weeks', right: 'weeks' },
  routes: [
    { method: 'GET', path: '/weeks', right: 'weeks', handler: list },
    { method: 'GET', path: '/weeks/new', right: 'weeks', handler: async (ctx) => newPage(ctx) },
    {
      method: 'POST',
      path: '/weeks/new',
      right: 'weeks',
      handler: async (ctx) => {
        const out = await ctx.services.learningWeeks.create(ctx.actor, ctx.form);
        if (!out.ok) return newPage(ctx, ctx.form, out.problems);
        await audit(ctx.services.audit, { ...who(ctx), action: 'learning_week.create', subject: out.value.id, details: { key: out.value.key } });
        return redirect(`/beheer/weeks/${out.value.id}?done=created`);
      },
    },
    { method: 'GET', path: '/weeks/:id', right: 'weeks', handler: (ctx) => detail(ctx) },
    {
      method: 'POST',
      path: '/weeks/:id',
      right: 'weeks',
      handler: async (ctx) => {
        const out = await ctx.services.learningWeeks.edit(ctx.actor, ctx.params.id!, ctx.form);
        if (!out.ok) return detail(ctx, ctx.form, out.problems);
        await audit(ctx.services.audit, { ...who(ctx), action: 'learning_week.edit', subject: out.value.id, details: { key: out.value.key } });
        return redirect(`/beheer/weeks/${out.value.id}?done=saved`);
      },
    },
  ],
};
