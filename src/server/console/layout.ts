import type { Locale } from '../../core/messages.js';
import type { PageTranslate } from '../../core/console/page-texts.js';
import { html, type Html } from './html.js';
import type { NavEntry } from './page.js';

export interface LayoutOptions {
  title: string;
  body: Html;
  locale: Locale;
  t: PageTranslate;
  /** Teams' theme (default, dark, contrast) when inside the tab; otherwise the browser's preference decides. */
  theme?: string;
  /** Signed in: the menu, the language switch and sign-out. */
  chrome?: { nav: NavEntry[]; current?: string; csrf: string; name: string };
  scripts?: string[];
}

const THEMES = new Set(['default', 'dark', 'contrast']);

/** The page frame: skip link, header with the menu, main content. No inline script or style (CSP). */
export function layout(o: LayoutOptions): string {
  const c = o.chrome;
  const theme = o.theme && THEMES.has(o.theme) ? o.theme : undefined;
  const doc = html`<!doctype html>
<html lang="${o.locale}"${theme ? html` data-theme="${theme}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} – ${o.t('app.name')}</title>
<link rel="stylesheet" href="/beheer/static/console.css">
${(o.scripts ?? ['console.js']).map((s) => html`<script src="/beheer/static/${s}" defer></script>`)}
</head>
<body>
<a class="skip" href="#main">${o.t('app.skip')}</a>
<header class="top">
<a class="brand" href="/beheer">${o.t('app.name')}</a>
${c
  ? html`<nav aria-label="${o.t('app.menu')}"><ul class="nav">${c.nav.map(
      (n) => html`<li><a href="${n.href}"${n.href === c.current ? html` aria-current="page"` : ''}>${n.label}</a></li>`,
    )}</ul></nav>
<div class="account">
<span class="who">${o.t('app.signed_in_as', { name: c.name })}</span>
<form method="post" action="/beheer/language"><input type="hidden" name="csrf" value="${c.csrf}"><input type="hidden" name="locale" value="${o.locale === 'nl' ? 'en' : 'nl'}"><input type="hidden" name="back" value="${c.current ?? '/beheer'}"><button type="submit" class="button secondary" lang="${o.locale === 'nl' ? 'en' : 'nl'}">${o.t('app.language_switch')}</button></form>
<form method="post" action="/beheer/signout"><input type="hidden" name="csrf" value="${c.csrf}"><button type="submit" class="button secondary">${o.t('app.signout')}</button></form>
</div>`
  : ''}
</header>
<main id="main" tabindex="-1">
<h1>${o.title}</h1>
${o.body}
</main>
</body>
</html>`;
  return doc.value;
}
