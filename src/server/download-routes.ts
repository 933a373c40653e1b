import type { CorePorts } from '../app.js';
import { sendJson, type Route } from './http-server.js';

// Link previewers (Slack, Teams, mail scanners) fetch links they see; they must not use up a one-time link.
const PREVIEWER = /slackbot|skypeuripreview|teamsbot|microsoft office|bingpreview|facebookexternalhit|discordbot|whatsapp|preview/i;

const asciiName = (name: string) => name.replace(/[^\w.-]/g, '_');

/**
 * `GET /downloads/<token>`: a person's own file (their dossier, their data export). The token is the key: 32
 * random bytes, valid for a short time, and the file is deleted when it is fetched, so the link works once.
 */
export function downloadRoutes(ctx: Pick<CorePorts, 'workshops' | 'downloads' | 'settings' | 'clock'>): Route[] {
  return [
    {
      method: 'GET',
      path: '/downloads/:token',
      handler: async (req, res, params) => {
        const headers = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff' };
        if (req.method === 'HEAD' || PREVIEWER.test(req.headers['user-agent'] ?? '')) {
          res.writeHead(204, headers);
          return void res.end();
        }
        const file = await ctx.downloads.take(params.token ?? '', ctx.clock.now());
        if (!file) return sendJson(res, 404, { error: 'not found' });
        const body = Buffer.from(file.content);
        res.writeHead(200, {
          ...headers,
          'content-type': file.mimeType,
          'content-length': body.length,
          'content-disposition': `attachment; filename="${asciiName(file.filename)}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        });
        res.end(body);
      },
    },
  ];
}
