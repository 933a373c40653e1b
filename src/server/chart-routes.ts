import type { Clock } from '../core/ports.js';
import type { ChartStore } from '../core/nudges/chart.js';
import { sendJson, type Route } from './http-server.js';

/**
 * `GET /charts/<token>.png`: a report chart for the chat clients that show it. The token (32 random bytes) is the
 * key; the image holds group figures only (groups under five left out) and expires after a week.
 */
export function chartRoutes(store: ChartStore, clock: Clock): Route[] {
  return [
    {
      method: 'GET',
      path: '/charts/:file',
      handler: async (_req, res, params) => {
        const token = params.file?.replace(/\.png$/, '') ?? '';
        const png = await store.get(token, clock.now());
        if (!png) return sendJson(res, 404, { error: 'not found' });
        res.writeHead(200, {
          'content-type': 'image/png',
          'content-length': png.byteLength,
          'cache-control': 'private, max-age=3600',
          'referrer-policy': 'no-referrer',
          'x-content-type-options': 'nosniff',
        });
        res.end(Buffer.from(png));
      },
    },
  ];
}
