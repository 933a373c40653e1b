import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Locale } from '../core/messages.js';
import type { OutreachDeps } from '../core/outreach/deps.js';
import { makePoster } from '../core/outreach/poster.js';
import { publicCatalogue, requestForm } from '../core/outreach/public-page.js';
import { requestSeat } from '../core/outreach/seat-requests.js';
import { translator } from '../core/outreach/texts.js';
import { cataloguePage, messagePage, requestPage, sentPage, type PageOptions } from './aanbod-html.js';
import { AANBOD_CSS } from './aanbod-style.js';
import { readBody, type Route } from './http-server.js';
import { RateLimiter } from './rate-limit.js';

// Scripts are never needed: the page is plain HTML and a form. Styles come from one file of our own.
const SECURITY = {
  'content-security-policy': "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export interface AanbodLimits {
  /** Seat requests per IP address per window. */
  requests: RateLimiter;
  /** Poster PDFs per IP address per window (a PDF costs some CPU). */
  posters: RateLimiter;
}

export const defaultAanbodLimits = (): AanbodLimits => ({
  requests: new RateLimiter(5, 10 * 60_000),
  posters: new RateLimiter(20, 10 * 60_000),
});

const localeOf = (req: IncomingMessage, form?: URLSearchParams): Locale => {
  const q = new URL(req.url ?? '/', 'http://x').searchParams.get('lang') ?? form?.get('lang');
  return q === 'en' ? 'en' : 'nl';
};

function sendHtml(res: ServerResponse, status: number, html: string) {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, { ...SECURITY, 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store' });
  res.end(body);
}

const ipOf = (req: IncomingMessage) => req.socket.remoteAddress ?? 'unknown';

/**
 * The public page of the catalogue and its request form, the stylesheet, and the poster as a plain download:
 * - `GET /aanbod`, `GET /aanbod/week/<key>`: upcoming workshops (of that learning week), `?lang=en` for English
 * - `GET /aanbod/vraag/<workshopId>` and `POST` there: ask for a seat (name, team leader); rate limited per IP
 * - `GET /aanbod/poster.pdf` (current learning week, or `?workshops=key1,key2`), `GET /aanbod/week/<key>/poster.pdf`
 * No login, nothing personal: workshop facts and team leaders' names only.
 */
export function aanbodRoutes(ctx: OutreachDeps, limits: AanbodLimits = defaultAanbodLimits()): Route[] {
  const opts = (locale: Locale): PageOptions => ({ locale, timezone: ctx.settings.timezone });

  const catalogue = async (req: IncomingMessage, res: ServerResponse, weekKey?: string) => {
    const locale = localeOf(req);
    const found = await publicCatalogue(ctx, weekKey);
    if (!found) return sendHtml(res, 404, messagePage(translator(locale)('page.not_found'), opts(locale)));
    const self = weekKey ? `/aanbod/week/${encodeURIComponent(weekKey)}` : '/aanbod';
    sendHtml(res, 200, cataloguePage(found.week, found.workshops, opts(locale), self));
  };

  const poster = async (req: IncomingMessage, res: ServerResponse, weekKey?: string) => {
    const locale = localeOf(req);
    if (!limits.posters.take(ipOf(req))) return sendHtml(res, 429, messagePage(translator(locale)('page.error.too_many'), opts(locale)));
    const keys = new URL(req.url ?? '/', 'http://x').searchParams.get('workshops')?.split(',').map((k) => k.trim()).filter(Boolean).slice(0, 50);
    const file = await makePoster(ctx, { weekKey, keys: keys?.length ? keys : undefined, locale });
    if (!file) return sendHtml(res, 404, messagePage(translator(locale)('poster.none'), opts(locale)));
    const body = Buffer.from(file.content);
    res.writeHead(200, {
      ...SECURITY,
      'content-type': 'application/pdf',
      'content-length': body.length,
      'content-disposition': `inline; filename="${file.filename}"`,
      'cache-control': 'no-store',
    });
    res.end(body);
  };

  return [
    { method: 'GET', path: '/aanbod', handler: (req, res) => catalogue(req, res) },
    {
      method: 'GET',
      path: '/aanbod/stijl.css',
      handler: (_req, res) => {
        res.writeHead(200, { ...SECURITY, 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=86400' });
        res.end(AANBOD_CSS);
      },
    },
    { method: 'GET', path: '/aanbod/poster.pdf', handler: (req, res) => poster(req, res) },
    { method: 'GET', path: '/aanbod/week/:key', handler: (req, res, p) => catalogue(req, res, p.key) },
    { method: 'GET', path: '/aanbod/week/:key/poster.pdf', handler: (req, res, p) => poster(req, res, p.key) },
    {
      method: 'GET',
      path: '/aanbod/vraag/:id',
      handler: async (req, res, p) => {
        const locale = localeOf(req);
        const form = await requestForm(ctx, p.id ?? '');
        if (!form) return sendHtml(res, 404, messagePage(translator(locale)('page.error.no_workshop'), opts(locale)));
        sendHtml(res, 200, requestPage(form.workshop, form.teamLeaders, opts(locale)));
      },
    },
    {
      method: 'POST',
      path: '/aanbod/vraag/:id',
      handler: async (req, res, p) => {
        const raw = await readBody(req, 8 * 1024);
        const fields = new URLSearchParams(raw.toString('utf8'));
        const locale = localeOf(req, fields);
        const tr = translator(locale);
        if (!limits.requests.take(ipOf(req))) return sendHtml(res, 429, messagePage(tr('page.error.too_many'), opts(locale)));
        const form = await requestForm(ctx, p.id ?? '');
        if (!form) return sendHtml(res, 404, messagePage(tr('page.error.no_workshop'), opts(locale)));
        const name = fields.get('naam') ?? '';
        const teamLeaderId = fields.get('teamleider') ?? '';
        const again = (status: number, error: string) =>
          sendHtml(res, status, requestPage(form.workshop, form.teamLeaders, opts(locale), { name: name.slice(0, 60), teamLeaderId, error }));
        // The hidden field only robots fill in: refused like other junk, without saying why.
        if (fields.get('website')) return again(400, tr('page.error.junk'));
        const outcome = await requestSeat(ctx, { workshopId: form.workshop.id, name, teamLeaderId });
        if (!outcome.ok) return again(outcome.problem === 'duplicate' ? 409 : 400, tr(`page.error.${outcome.problem}`));
        sendHtml(res, 200, sentPage(outcome.teamLeader, outcome.title, opts(locale)));
      },
    },
  ];
}
