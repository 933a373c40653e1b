import { consoleRole } from '../../../core/console/rights.js';
import { html } from '../html.js';
import { page, type PageModule } from '../page.js';

/** /beheer: a short welcome that says what this person can do here. */
export const homePage: PageModule = {
  nav: { href: '/beheer', label: 'nav.home', right: 'home' },
  routes: [
    {
      method: 'GET',
      path: '/',
      right: 'home',
      handler: async (ctx) => {
        const hr = consoleRole(ctx.session.person) === 'hr';
        return page(ctx.t('home.title', { name: ctx.session.person.name }), html`<p class="lead">${ctx.t(hr ? 'home.intro_hr' : 'home.intro_manager')}</p>`, '/beheer');
      },
    },
  ],
};
