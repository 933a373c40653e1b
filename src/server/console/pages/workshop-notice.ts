import { html } from '../html.js';
import type { PageContext } from '../page.js';

const DONE = ['created', 'saved', 'cancelled', 'attendance'] as const;

/** A notice after a change (post/redirect/get): only known words from the query, never free text. */
export function notice(ctx: PageContext) {
  const done = ctx.query.get('done');
  if (done === 'imported') {
    const n = (k: string) => Number(ctx.query.get(k) ?? 0) || 0;
    return html`<p class="notice" role="status">${ctx.t('ws.done_imported', { created: n('created'), updated: n('updated'), unchanged: n('unchanged') })}</p>`;
  }
  return (DONE as readonly string[]).includes(done ?? '') ? html`<p class="notice" role="status">${ctx.t(`ws.done_${done}`)}</p>` : '';
}

