import { audit, } from '../../../core/audit/audit.js';
import { listAudit } from '../../../core/audit/audit-log.js';
import { CsvFileError } from '../../../core/import/csv.js';
import { importPeople, OPTIONAL_PEOPLE_COLUMNS, PEOPLE_COLUMNS } from '../../../core/people/import-people.js';
import { formatDateTime } from '../../../core/format.js';
import { field, postForm, submit } from '../forms.js';
import { html } from '../html.js';
import { page, redirect, type PageContext, type PageModule } from '../page.js';

async function peoplePage(ctx: PageContext, lines: string[] = []) {
  const t = ctx.t;
  const tz = ctx.services.core.ctx.settings.timezone;
  // The directory sync writes one audit line per run with its counts: the newest ones are its state.
  const runs = (await listAudit(ctx.services.audit, { action: 'sync', limit: 5 })).reverse();
  const n = (k: string) => Number(ctx.query.get(k) ?? 0) || 0;
  const done = ctx.query.get('done') === 'imported'
    ? html`<p class="notice" role="status">${t('people.done_imported', { created: n('created'), updated: n('updated'), unchanged: n('unchanged') })}</p>`
    : '';
  const failed = lines.length
    ? html`<div class="problems" role="alert" tabindex="-1" id="problems"><h2>${t('ws.import_failed')}</h2><ul>${lines.map((l) => html`<li>${l}</li>`)}</ul></div>`
    : '';
  const counts = (d: unknown) =>
    d && typeof d === 'object' ? Object.entries(d as Record<string, unknown>).filter(([, v]) => typeof v === 'number').map(([k, v]) => `${k}: ${String(v)}`).join(', ') : '';
  const body = html`${done}
<h2>${t('people.import')}</h2>
${failed}
<p>${t('people.import_intro', { columns: PEOPLE_COLUMNS.join(', '), optional: OPTIONAL_PEOPLE_COLUMNS.join(', ') })}</p>
${postForm(ctx, '/beheer/people/import', [field({ name: 'file', label: t('ws.import_file'), type: 'file', required: true }), submit(t('ws.import_button'))], { multipart: true })}
<h2>${t('people.sync')}</h2>
${runs.length === 0
  ? html`<p>${t('people.sync_none')}</p>`
  : html`<div class="table-wrap"><table class="stack"><thead><tr><th scope="col">${t('people.sync_col_when')}</th><th scope="col">${t('people.sync_col_source')}</th><th scope="col">${t('people.sync_col_counts')}</th></tr></thead>
<tbody>${runs.map((r) => html`<tr><td data-label="${t('people.sync_col_when')}">${formatDateTime(r.at, ctx.locale, tz)}</td><td data-label="${t('people.sync_col_source')}">${r.action.replace(/^sync\./, '')}</td><td data-label="${t('people.sync_col_counts')}">${counts(r.details)}</td></tr>`)}</tbody></table></div>`}`;
  return { ...page(t('people.title'), body, '/beheer/people'), ...(lines.length ? { status: 422 } : {}) };
}

/** People: the CSV import (every bad line shown, nothing half stored) and the directory sync's last runs. HR only. */
export const peoplePageModule: PageModule = {
  nav: { href: '/beheer/people', label: 'nav.people', right: 'people' },
  routes: [
    { method: 'GET', path: '/people', right: 'people', handler: (ctx) => peoplePage(ctx) },
    {
      method: 'POST',
      path: '/people/import',
      right: 'people',
      handler: async (ctx) => {
        const file = ctx.files.file;
        if (!file || file.content.length === 0) return peoplePage(ctx, [ctx.t('ws.no_file')]);
        try {
          const r = await importPeople(ctx.services.peopleAdmin, file.content, ctx.services.core.ctx.clock.now());
          await audit(ctx.services.audit, { actor: ctx.actor.person.id, actorId: ctx.actor.person.id, action: 'import.people', subject: file.filename, details: r });
          return redirect(`/beheer/people?done=imported&created=${r.created}&updated=${r.updated}&unchanged=${r.unchanged}`);
        } catch (e) {
          if (!(e instanceof CsvFileError)) throw e;
          return peoplePage(ctx, e.errors.map((l) => ctx.t('ws.line', { line: l.line, message: l.message })));
        }
      },
    },
  ],
};
