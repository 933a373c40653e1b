import { formatSlot } from '../../../core/format.js';
import { CsvFileError } from '../../../core/import/csv.js';
import { WORKSHOP_COLUMNS } from '../../../core/workshops/import-workshops.js';
import { audit } from '../../../core/audit/audit.js';
import { field, postForm, submit } from '../forms.js';
import { html } from '../html.js';
import { page, redirect, type PageContext, type PageModule } from '../page.js';
import { workshopDetailRoutes } from './workshop-detail.js';
import { weekChoice, workshopForm } from './workshop-form.js';
import { notice } from './workshop-notice.js';

const PER_PAGE = 50;
async function list(ctx: PageContext) {
  const t = ctx.t;
  const pageNo = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
  const { items, total } = await ctx.services.workshops.overview(ctx.actor, (pageNo - 1) * PER_PAGE, PER_PAGE);
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const tz = ctx.services.core.ctx.settings.timezone;
  const now = ctx.services.core.ctx.clock.now();
  const rows = items.map(({ workshop: w, confirmed, waitlisted }) => {
    const status = w.cancelled ? t('ws.cancelled') : w.startsAt <= now ? t('ws.past') : t('ws.open');
    return html`<tr>
<td data-label="${t('ws.col_title')}"><a href="/beheer/workshops/${w.id}">${w.title}</a></td>
<td data-label="${t('ws.col_when')}">${formatSlot(w.startsAt, w.endsAt, ctx.locale, tz)}</td>
<td data-label="${t('ws.col_seats')}" class="num">${t('ws.seats', { confirmed, capacity: w.capacity })}</td>
<td data-label="${t('ws.col_fill')}" class="num">${Math.round((100 * confirmed) / w.capacity)}%</td>
<td data-label="${t('ws.col_waitlist')}" class="num">${waitlisted}</td>
<td data-label="${t('ws.col_code')}">${w.key}</td>
<td data-label="${t('ws.col_status')}">${status}</td>
</tr>`;
  });
  const body = html`${notice(ctx)}
<div class="actions"><a class="button primary" href="/beheer/workshops/new">${t('ws.new')}</a><a class="button secondary" href="/beheer/workshops/import">${t('ws.import')}</a><a class="button secondary" href="/aanbod/poster.pdf">${t('ws.poster')}</a><a class="button secondary" href="/aanbod">${t('ws.public')}</a></div>
${items.length === 0
  ? html`<p>${t('table.empty')}</p>`
  : html`<div class="table-wrap"><table class="stack"><caption>${t('ws.caption')}</caption>
<thead><tr><th scope="col">${t('ws.col_title')}</th><th scope="col">${t('ws.col_when')}</th><th scope="col" class="num">${t('ws.col_seats')}</th><th scope="col" class="num">${t('ws.col_fill')}</th><th scope="col" class="num">${t('ws.col_waitlist')}</th><th scope="col">${t('ws.col_code')}</th><th scope="col">${t('ws.col_status')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`}
<nav class="pager" aria-label="${t('ws.page', { page: pageNo, pages })}">
${pageNo > 1 ? html`<a class="button secondary" href="/beheer/workshops?page=${pageNo - 1}">${t('ws.previous')}</a>` : ''}
<span>${t('ws.page', { page: pageNo, pages })}</span>
${pageNo < pages ? html`<a class="button secondary" href="/beheer/workshops?page=${pageNo + 1}">${t('ws.next')}</a>` : ''}
</nav>`;
  return page(t('ws.title'), body, '/beheer/workshops');
}

function importPage(ctx: PageContext, lines: string[] = []) {
  const t = ctx.t;
  const failed = lines.length
    ? html`<div class="problems" role="alert" tabindex="-1" id="problems"><h2>${t('ws.import_failed')}</h2><ul>${lines.map((l) => html`<li>${l}</li>`)}</ul></div>`
    : '';
  const body = html`${failed}<p>${t('ws.import_intro', { columns: WORKSHOP_COLUMNS.join(', ') })}</p>
${postForm(ctx, '/beheer/workshops/import', [field({ name: 'file', label: t('ws.import_file'), type: 'file', required: true }), submit(t('ws.import_button'))], { multipart: true })}`;
  return { ...page(t('ws.import'), body, '/beheer/workshops'), ...(lines.length ? { status: 422 } : {}) };
}

export const workshopsPage: PageModule = {
  nav: { href: '/beheer/workshops', label: 'nav.workshops', right: 'workshops' },
  routes: [
    { method: 'GET', path: '/workshops', right: 'workshops', handler: list },
    {
      method: 'GET',
      path: '/workshops/new',
      right: 'workshops.edit',
      handler: async (ctx) => page(ctx.t('ws.new'), workshopForm(ctx, '/beheer/workshops/new', { submitLabel: ctx.t('ws.create'), full: true, weeks: await weekChoice(ctx) }), '/beheer/workshops'),
    },
    {
      method: 'POST',
      path: '/workshops/new',
      right: 'workshops.edit',
      handler: async (ctx) => {
        const out = await ctx.services.workshops.create(ctx.actor, ctx.form);
        if (!out.ok) {
          const form = workshopForm(ctx, '/beheer/workshops/new', { typed: ctx.form, problems: out.problems, submitLabel: ctx.t('ws.create'), full: true, weeks: await weekChoice(ctx) });
          return { ...page(ctx.t('ws.new'), form, '/beheer/workshops'), status: 422 };
        }
        // The learning week chosen on the form is part of what was created (null: none).
        const details = { learningWeek: ctx.form.week || null };
        await audit(ctx.services.audit, { actor: ctx.actor.person.id, actorId: ctx.actor.person.id, action: 'workshop.create', subject: out.value.id, details });
        return redirect(`/beheer/workshops/${out.value.id}?done=created`);
      },
    },
    { method: 'GET', path: '/workshops/import', right: 'workshops.edit', handler: async (ctx) => importPage(ctx) },
    {
      method: 'POST',
      path: '/workshops/import',
      right: 'workshops.edit',
      handler: async (ctx) => {
        const file = ctx.files.file;
        if (!file || file.content.length === 0) return importPage(ctx, [ctx.t('ws.no_file')]);
        try {
          const r = await ctx.services.workshops.importFile(ctx.actor, file.content);
          await audit(ctx.services.audit, { actor: ctx.actor.person.id, actorId: ctx.actor.person.id, action: 'import.workshops', subject: file.filename, details: r });
          return redirect(`/beheer/workshops?done=imported&created=${r.created}&updated=${r.updated}&unchanged=${r.unchanged}`);
        } catch (e) {
          if (!(e instanceof CsvFileError)) throw e;
          return importPage(ctx, e.errors.map((l) => ctx.t('ws.line', { line: l.line, message: l.message })));
        }
      },
    },
    ...workshopDetailRoutes,
  ],
};
