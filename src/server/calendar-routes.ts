import type { CorePorts } from '../app.js';
import { workshopIcs } from '../core/workshops/ics.js';
import { sendJson, type Route } from './http-server.js';

/** `GET /calendar/<token>.ics`: the token is unguessable (a random UUID per workshop), so the URL is the key. */
export function calendarRoutes(ctx: Pick<CorePorts, 'workshops' | 'downloads' | 'settings' | 'clock'>): Route[] {
  return [
    {
      method: 'GET',
      path: '/calendar/:file',
      handler: async (_req, res, params) => {
        const token = params.file?.replace(/\.ics$/, '') ?? '';
        const w = /^[0-9a-f-]{36}$/i.test(token) ? await ctx.workshops.getByIcsToken(token) : null;
        if (!w) return sendJson(res, 404, { error: 'not found' });
        const body = workshopIcs(
          { ...w, sequence: w.icsSequence, updatedAt: w.updatedAt },
          { timezone: ctx.settings.timezone, host: new URL(ctx.settings.publicUrl).hostname },
        );
        res.writeHead(200, {
          'content-type': 'text/calendar; charset=utf-8',
          'content-disposition': `attachment; filename="${w.key.replace(/[^\w.-]/g, '_')}.ics"`,
          'cache-control': 'no-store',
        });
        res.end(body);
      },
    },
  ];
}
