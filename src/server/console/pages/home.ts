import { klusOverview } from '../../../core/klussen/klus-overview.js';
import { consoleRole } from '../../../core/console/rights.js';
import { html } from '../html.js';
import { page, type PageModule } from '../page.js';

/** /beheer: a short welcome that says what this person can do here, and what waits for a team leader. */
export const homePage: PageModule = {
  nav: { href: '/beheer', label: 'nav.home', right: 'home' },
  routes: [
    {
      method: 'GET',
      path: '/',
      right: 'home',
      handler: async (ctx) => {
        const t = ctx.t;
        const hr = consoleRole(ctx.session.person) === 'hr';
        const waiting = (await klusOverview(ctx.services.core.ctx, ctx.actor)).releases.length;
        const body = html`<p class="lead">${t(hr ? 'home.intro_hr' : 'home.intro_manager')}</p>
${waiting ? html`<p class="notice" role="status"><a href="/beheer/klussen">${t('home.waiting', { count: waiting })}</a></p>` : ''}
${hr ? html`<div class="actions"><a class="button primary" href="/beheer/workshops/new">${t('ws.new')}</a><a class="button secondary" href="/beheer/workshops">${t('nav.workshops')}</a><a class="button secondary" href="/beheer/report">${t('nav.report')}</a></div>` : ''}`;
        return page(t('home.title', { name: ctx.session.person.name }), body, '/beheer');
      },
    },
  ],
};
