import { listAudit } from '../../../core/audit/audit-log.js';
import { formatDateTime } from '../../../core/format.js';
import { field, submit } from '../forms.js';
import { html } from '../html.js';
import { page, type PageContext, type PageModule } from '../page.js';

const LIMIT = 200;

async function auditPage(ctx: PageContext) {
  const t = ctx.t;
  const tz = ctx.services.core.ctx.settings.timezone;
  const filter = (ctx.query.get('action') ?? '').trim().slice(0, 100);
  const entries = (await listAudit(ctx.services.audit, { limit: LIMIT, ...(filter ? { action: filter } : {}) })).reverse();
  // Actors are stored as ids (or 'cli', 'sync'): show the names of those who still exist.
  const ids = [...new Set(entries.map((e) => e.actor).filter((a) => /^[0-9a-f-]{36}$/i.test(a)))];
  const names = new Map((await Promise.all(ids.map((id) => ctx.services.core.ctx.people.findById(id)))).flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
  const body = html`<form method="get" action="/beheer/audit" class="form">${field({ name: 'action', label: t('audit.filter'), hint: t('audit.filter_hint'), value: filter })}${submit(t('audit.filter_button'), 'secondary')}</form>
${entries.length === 0
  ? html`<p>${t('table.empty')}</p>`
  : html`<div class="table-wrap"><table class="stack"><caption>${t('audit.caption', { count: entries.length })}</caption>
<thead><tr><th scope="col">${t('audit.col_when')}</th><th scope="col">${t('audit.col_who')}</th><th scope="col">${t('audit.col_action')}</th><th scope="col">${t('audit.col_subject')}</th><th scope="col">${t('audit.col_details')}</th></tr></thead>
<tbody>${entries.map((e) => html`<tr><td data-label="${t('audit.col_when')}">${formatDateTime(e.at, ctx.locale, tz)}</td><td data-label="${t('audit.col_who')}">${names.get(e.actor) ?? e.actor}</td><td data-label="${t('audit.col_action')}">${e.action}</td><td data-label="${t('audit.col_subject')}">${e.subject ?? ''}</td><td data-label="${t('audit.col_details')}">${e.details === null || e.details === undefined ? '' : JSON.stringify(e.details)}</td></tr>`)}</tbody></table></div>`}`;
  return page(t('audit.title'), body, '/beheer/audit');
}

/** The audit log, newest first, with a filter on the action. HR only. */
export const auditPageModule: PageModule = {
  nav: { href: '/beheer/audit', label: 'nav.audit', right: 'audit' },
  routes: [{ method: 'GET', path: '/audit', right: 'audit', handler: auditPage }],
};
