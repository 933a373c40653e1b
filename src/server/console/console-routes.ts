import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsoleSession } from '../../core/console/console-access.js';
import { pageTranslator } from '../../core/console/page-texts.js';
import { consoleRole, may } from '../../core/console/rights.js';
import { toLocale } from '../../core/people/person.js';
import { isDomainError } from '../../core/errors.js';
import type { Route } from '../http-server.js';
import { html } from './html.js';
import { layout } from './layout.js';
import type { ConsoleRoute, PageContext, PageModule, PageResult } from './page.js';
import { cookies, COOKIE, readForm, redirectTo, send, sessionCookie, THEME_COOKIE } from './request.js';
import type { ConsoleServices } from './services.js';
import { signInRoutes } from './sign-in-routes.js';
import { staticFiles } from './static-files.js';

const HTML = 'text/html; charset=utf-8';

export interface ConsoleOptions {
  /** PUBLIC_URL (or the local address): https makes the cookie Secure. */
  publicUrl: () => string;
}

/**
 * GET/POST under /beheer: the HR console. Every request finds its session first; without one the answer is the
 * sign-in explanation (401), for an employee the friendly refusal (403), for a missing right 403. POSTs carry the
 * session's CSRF token. Page modules (pages/*.ts) only describe routes; this file enforces the rules.
 */
export function consoleRoutes(services: ConsoleServices, modules: PageModule[], opts: ConsoleOptions): Route[] {
  const access = services.core.consoleAccess;
  const files = staticFiles();
  const secure = () => opts.publicUrl().startsWith('https:');
  const localeOf = (req: IncomingMessage, s?: ConsoleSession | null) =>
    toLocale(s?.person.locale ?? (req.headers['accept-language'] ?? '').split(',')[0], services.core.ctx.settings.defaultLocale);
  const nav = (s: ConsoleSession, t: (k: string) => string) =>
    modules.flatMap((m) => (m.nav && may(s.person, m.nav.right) ? [{ ...m.nav, label: t(m.nav.label) }] : []));

  /** A bare page (sign-in, refusal) without the menu. */
  const bare = (req: IncomingMessage, res: ServerResponse, status: number, title: string, text: string, s?: ConsoleSession | null) => {
    const locale = localeOf(req, s);
    const t = pageTranslator(locale);
    send(res, status, layout({ title: t(title), body: html`<p class="lead">${t(text)}</p>`, locale, t, theme: cookies(req)[THEME_COOKIE] }), HTML);
  };

  const wrap = (r: ConsoleRoute): Route => ({
    method: r.method,
    path: `/beheer${r.path === '/' ? '' : r.path}`,
    handler: async (req, res, params) => {
      const session = await access.session(cookies(req)[COOKIE]);
      if (!session) return bare(req, res, 401, 'signin.title', 'signin.how');
      if (consoleRole(session.person) === 'none') return bare(req, res, 403, 'refused.title', 'refused.text', session);
      const locale = localeOf(req, session);
      const t = pageTranslator(locale);
      let form: Record<string, string> = {};
      let files: PageContext['files'] = {};
      if (r.method === 'POST') {
        ({ form, files } = await readForm(req));
        if (form.csrf !== session.csrf) return bare(req, res, 403, 'forbidden.title', 'form.expired', session);
      }
      if (!may(session.person, r.right)) return bare(req, res, 403, 'forbidden.title', 'forbidden.text', session);
      const url = new URL(req.url ?? '/', 'http://x');
      const ctx: PageContext = {
        req, res, params, query: url.searchParams, form, files, session, locale, t, services,
        actor: { person: session.person, locale, platform: 'CONSOLE' },
      };
      let result: PageResult;
      try {
        result = await r.handler(ctx);
      } catch (e) {
        if (!isDomainError(e) || !['not_found', 'forbidden', 'workshop_cancelled'].includes(e.code)) throw e;
        return bare(req, res, e.code === 'forbidden' ? 403 : 404, e.code === 'forbidden' ? 'forbidden.title' : 'notfound.title', e.code === 'forbidden' ? 'forbidden.text' : 'notfound.text', session);
      }
      if (result.kind === 'redirect') return redirectTo(res, result.to);
      if (result.kind === 'inline') return send(res, 200, result.content, result.mimeType, { 'cache-control': 'private, no-store' });
      if (result.kind === 'file') {
        return send(res, 200, result.content, result.mimeType, {
          'content-disposition': `attachment; filename="${result.filename.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(result.filename)}`,
        });
      }
      const body = layout({
        title: result.title,
        body: result.body,
        locale,
        t,
        theme: cookies(req)[THEME_COOKIE],
        chrome: { nav: nav(session, t), current: result.nav ?? url.pathname, csrf: session.csrf, name: session.person.name },
      });
      send(res, result.status ?? 200, body, HTML);
    },
  });

  const sessionRoutes: Route[] = [
    {
      method: 'GET',
      path: '/beheer/static/:file',
      handler: (_req, res, params) => {
        const f = files.get(params.file ?? '');
        if (!f) return send(res, 404, 'not found', 'text/plain; charset=utf-8');
        send(res, 200, f.body, f.type, { 'cache-control': 'public, max-age=3600' });
      },
    },
    {
      method: 'POST',
      path: '/beheer/signout',
      handler: async (req, res) => {
        const session = await access.session(cookies(req)[COOKIE]);
        const { form } = await readForm(req);
        if (session && form.csrf === session.csrf) await access.signOut(session);
        redirectTo(res, '/beheer/signed-out', { 'set-cookie': sessionCookie('', secure(), false, 0) });
      },
    },
    { method: 'GET', path: '/beheer/signed-out', handler: (req, res) => bare(req, res, 200, 'signin.signed_out', 'signin.how') },
    {
      method: 'POST',
      path: '/beheer/language',
      handler: async (req, res) => {
        const session = await access.session(cookies(req)[COOKIE]);
        const { form } = await readForm(req);
        if (!session || form.csrf !== session.csrf) return bare(req, res, 403, 'forbidden.title', 'form.expired', session);
        await access.setLocale(session, form.locale === 'en' ? 'en' : 'nl');
        // Back to the page the switch was pressed on; only a path of our own (no //host, no scheme).
        redirectTo(res, /^\/beheer(\/[\w\-/]*)?$/.test(form.back ?? '') ? form.back! : '/beheer');
      },
    },
  ];
  return [
    ...sessionRoutes,
    ...signInRoutes(services, { secure, bare, localeOf }),
    ...modules.flatMap((m) => m.routes.map(wrap)),
  ];
}
