import { sendJson, type Route } from './http-server.js';
import type { Metrics } from './metrics.js';

/** The database as the health check sees it: does it answer within the time given? */
export interface Pingable {
  ping(timeoutMs: number): Promise<boolean>;
}

export function healthRoutes(db: Pingable, metrics: Metrics): Route[] {
  return [
    {
      method: 'GET',
      path: '/healthz',
      handler: async (_req, res) => {
        const ok = await db.ping(2000);
        sendJson(res, ok ? 200 : 503, ok ? { status: 'ok' } : { status: 'unavailable', reason: 'database does not answer' });
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      handler: async (_req, res) => {
        const body = await metrics.registry.metrics();
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(body);
      },
    },
  ];
}
