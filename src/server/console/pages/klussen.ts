import { audit } from '../../../core/audit/audit.js';
import { DomainError } from '../../../core/errors.js';
import { formatDate } from '../../../core/format.js';
import { klusOverview } from '../../../core/klussen/klus-overview.js';
import { submit } from '../forms.js';
import { html } from '../html.js';
import { page, redirect, type PageContext, type PageModule } from '../page.js';

async function overview(ctx: PageContext) {
  const t = ctx.t;
  const tz = ctx.services.core.ctx.settings.timezone;
  const { klussen, releases } = await klusOverview(ctx.services.core.ctx, ctx.actor);
  const done = ctx.query.get('done') === 'decided' ? html`<p class="notice" role="status">${t('klus.done_decided')}</p>` : '';
  const requests = releases.map(
    (r) => html`<li class="card"><p>${t('klus.release_text', { name: r.candidateName, title: r.klus.title })}</p>${r.motivation ? html`<p>“${r.motivation}”</p>` : ''}
<div class="actions">
<form method="post" action="/beheer/klussen/releases/${r.id}/approve"><input type="hidden" name="csrf" value="${ctx.session.csrf}">${submit(t('klus.approve', { name: r.candidateName }))}</form>
<form method="post" action="/beheer/klussen/releases/${r.id}/decline"><input type="hidden" name="csrf" value="${ctx.session.csrf}">${submit(t('klus.decline'), 'secondary')}</form>
</div></li>`,
  );
  const body = html`${done}
<h2>${t('klus.releases')}</h2>
${releases.length ? html`<ul class="checks">${requests}</ul>` : html`<p>${t('klus.releases_none')}</p>`}
<h2>${t('klus.own')}</h2>
${klussen.length === 0
  ? html`<p>${t('klus.none')}</p>`
  : html`<div class="table-wrap"><table class="stack"><thead><tr><th scope="col">${t('klus.col_title')}</th><th scope="col">${t('klus.col_status')}</th><th scope="col" class="num">${t('klus.col_candidates')}</th><th scope="col">${t('klus.col_org')}</th><th scope="col">${t('klus.col_ends')}</th></tr></thead>
<tbody>${klussen.map((k) => html`<tr><td data-label="${t('klus.col_title')}">${k.title}</td><td data-label="${t('klus.col_status')}">${t(`klus.status.${k.status}`)}</td><td data-label="${t('klus.col_candidates')}" class="num">${k.candidates}</td><td data-label="${t('klus.col_org')}">${k.organizationName ?? ''}</td><td data-label="${t('klus.col_ends')}">${k.endsOn ? formatDate(k.endsOn, ctx.locale, tz) : ''}</td></tr>`)}</tbody></table></div>`}`;
  return page(t('klus.title'), body, '/beheer/klussen');
}

const decide = (approve: boolean) => async (ctx: PageContext) => {
  if (!/^[0-9a-f-]{36}$/i.test(ctx.params.id!)) throw new DomainError('not_found');
  // The same use case as the buttons in chat: the candidate and the owner hear the answer through the outbox.
  await ctx.services.core.klussen.release.decide(ctx.actor, ctx.params.id!, approve);
  await audit(ctx.services.audit, { actor: ctx.actor.person.id, actorId: ctx.actor.person.id, action: approve ? 'klus.release.approve' : 'klus.release.decline', subject: ctx.params.id! });
  return redirect('/beheer/klussen?done=decided');
};

/** Klussen: HR sees every klus; a team leader their own and the release requests waiting for them. */
export const klussenPage: PageModule = {
  nav: { href: '/beheer/klussen', label: 'nav.klussen', right: 'klussen' },
  routes: [
    { method: 'GET', path: '/klussen', right: 'klussen', handler: overview },
    { method: 'POST', path: '/klussen/releases/:id/approve', right: 'klussen', handler: decide(true) },
    { method: 'POST', path: '/klussen/releases/:id/decline', right: 'klussen', handler: decide(false) },
  ],
};
