import type { Core } from '../app.js';
import { sendJson, type Route } from './http-server.js';

/**
 * `GET /go/<broadcast>/<person>/<signature>`: the link button of a broadcast. The click counts as engagement
 * (these platforms have no read receipts), then the browser goes on to the link HR gave. The signature is the
 * bot's own, per person, so a link passed on still opens but cannot count clicks for others.
 */
export function broadcastRoutes(core: Core): Route[] {
  return [
    {
      method: 'GET',
      path: '/go/:broadcast/:person/:sig',
      handler: async (_req, res, params) => {
        const url = await core.broadcasts.linkClick(params.broadcast ?? '', params.person ?? '', params.sig ?? '');
        if (!url) return sendJson(res, 404, { error: 'not found' });
        res.writeHead(302, { location: url, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
        res.end();
      },
    },
  ];
}
