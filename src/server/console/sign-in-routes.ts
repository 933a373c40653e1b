import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsoleSession } from '../../core/console/console-access.js';
import { pageTranslator } from '../../core/console/page-texts.js';
import type { Locale } from '../../core/messages.js';
import { readBody, type Route } from '../http-server.js';
import { html } from './html.js';
import { layout } from './layout.js';
import { cookies, COOKIE, redirectTo, send, sessionCookie, THEME_COOKIE } from './request.js';
import type { ConsoleServices } from './services.js';

// Link previewers (Slack, Teams, mail scanners) fetch links they see; they must not use up a one-time link.
const PREVIEWER = /slackbot|skypeuripreview|teamsbot|microsoft office|bingpreview|facebookexternalhit|discordbot|whatsapp|preview/i;

/** The host of an Origin header; an opaque origin ("null") or garbage has none. */
function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

interface Helpers {
  secure(): boolean;
  bare(req: IncomingMessage, res: ServerResponse, status: number, title: string, text: string, s?: ConsoleSession | null): void;
  localeOf(req: IncomingMessage, s?: ConsoleSession | null): Locale;
}

/** The two ways in: the one-time link from chat, and Teams single sign-on inside the tab. */
export function signInRoutes(services: ConsoleServices, h: Helpers): Route[] {
  const access = services.core.consoleAccess;
  return [
    {
      method: 'GET',
      path: '/beheer/login/:token',
      handler: async (req, res, params) => {
        if (req.method === 'HEAD' || PREVIEWER.test(req.headers['user-agent'] ?? '')) {
          res.writeHead(204, { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
          return void res.end();
        }
        const opened = await access.signInByLink(params.token ?? '');
        if (!opened) return h.bare(req, res, 403, 'signin.title', 'signin.expired');
        // The token leaves the address bar at once (the redirect), and was used up anyway.
        redirectTo(res, '/beheer', { 'set-cookie': sessionCookie(opened.cookie, h.secure()) });
      },
    },
    {
      method: 'GET',
      path: '/beheer/tab',
      handler: async (req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const theme = url.searchParams.get('theme') ?? '';
        const setTheme: Record<string, string> = /^(default|dark|contrast)$/.test(theme) ? { 'set-cookie': `${THEME_COOKIE}=${theme}; Path=/beheer; SameSite=Lax${h.secure() ? '; Secure' : ''}` } : {};
        const session = await access.session(cookies(req)[COOKIE]);
        if (session) return redirectTo(res, '/beheer', setTheme);
        const locale = h.localeOf(req);
        const t = pageTranslator(locale);
        const body = html`<p class="lead" id="tab-status" role="status">${t('signin.teams_busy')}</p>
<p class="lead" id="tab-failed" hidden>${t('signin.teams_failed')}</p>`;
        send(res, 200, layout({ title: t('signin.title'), body, locale, t, theme: /^(default|dark|contrast)$/.test(theme) ? theme : undefined, scripts: ['teams-js.min.js', 'tab.js'] }), 'text/html; charset=utf-8', setTheme);
      },
    },
    {
      method: 'POST',
      path: '/beheer/sso',
      handler: async (req, res) => {
        const verify = services.verifyTeamsToken;
        if (!verify) return send(res, 404, '{"error":"teams sso is not configured"}', 'application/json');
        // A cross-site page may not post a token here (the tab page is our own origin).
        const origin = req.headers.origin;
        if (origin && hostOf(origin) !== req.headers.host) return send(res, 403, '{"error":"origin"}', 'application/json');
        let token = '';
        try {
          token = String((JSON.parse((await readBody(req, 64 * 1024)).toString('utf8')) as { token?: unknown }).token ?? '');
        } catch {
          token = '';
        }
        const checked = token ? await verify(token) : { error: 'missing' };
        if ('error' in checked) {
          await access.refused('teams', checked.error);
          return send(res, 401, '{"error":"invalid token"}', 'application/json');
        }
        const opened = await access.signInByEntraId(checked.oid);
        if (!opened) return send(res, 403, '{"error":"unknown person"}', 'application/json');
        res.writeHead(204, { 'set-cookie': sessionCookie(opened.cookie, h.secure(), true), 'cache-control': 'no-store' });
        res.end();
      },
    },
  ];
}
