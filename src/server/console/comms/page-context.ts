import { DomainError } from '../../../core/errors.js';
import { csrfField } from '../forms.js';
import { html, type Html } from '../html.js';
import type { PageContext, PageResult } from '../page.js';
import type { PageCtx } from './broadcast-pages.js';
import { commsTranslator } from './texts.js';

/** What the broadcast, campaign and language pages' renderers need from the request. */
export const pageCtx = (ctx: PageContext): PageCtx => ({ locale: ctx.locale, timezone: ctx.services.core.ctx.settings.timezone, csrf: csrfField(ctx) });

/** These pages' own style and script: static files (CSP `default-src 'self'`), each page works without the script. */
export const assets = html`<link rel="stylesheet" href="/beheer/static/comms.css"><script src="/beheer/static/comms.js" defer></script>`;

export const withAssets = (body: Html) => html`${assets}${body}`;

/** A page with its own status (422 for a form with mistakes, 404 for something unknown). */
export const htmlPage = (title: string, body: Html, nav?: string, status = 200): PageResult => ({ kind: 'page', title, body, status, ...(nav ? { nav } : {}) });

/** A JSON answer through the router (rights and CSRF checked as for pages): the static script reads it. */
export const json = (value: unknown): PageResult => ({ kind: 'file', filename: 'answer.json', mimeType: 'application/json; charset=utf-8', content: JSON.stringify(value) });

/** A use case's coded refusal as a page: not found (404) or not allowed (403); anything else is a real error. */
export async function orRefusal(ctx: PageContext, work: () => Promise<PageResult>): Promise<PageResult> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof DomainError) || (e.code !== 'not_found' && e.code !== 'forbidden')) throw e;
    const t = commsTranslator(ctx.locale);
    const text = t(e.code === 'not_found' ? 'error.not_found' : 'error.forbidden');
    return htmlPage(text, html`<p>${text}</p>`, undefined, e.code === 'not_found' ? 404 : 403);
  }
}
