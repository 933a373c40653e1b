import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/ports.js';
import type { Metrics } from '../metrics.js';

export type Handler = (req: IncomingMessage, res: ServerResponse, params: Record<string, string>) => void | Promise<void>;

export interface Route {
  method: 'GET' | 'POST';
  /** Exact path, or a pattern with `:name` segments (e.g. `/calendar/:token`). */
  path: string;
  handler: Handler;
}

export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

/** Reads a request body up to `limit` bytes. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(`body larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i]!.startsWith(':')) {
      try {
        params[p[i]!.slice(1)] = decodeURIComponent(s[i]!);
      } catch {
        return null;
      }
    } else if (p[i] !== s[i]) return null;
  }
  return params;
}

/**
 * The one HTTP server: routes are mounted by the parts that own them (health, metrics, Slack, Teams,
 * calendar files). Tracks in-flight requests so a graceful stop can wait for them.
 */
export class HttpServer {
  private readonly routes: Route[] = [];
  private readonly server: http.Server;
  private inFlight = 0;
  private idle: (() => void) | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly metrics: Metrics,
  ) {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 5000;
  }

  mount(route: Route) {
    this.routes.push(route);
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    this.inFlight++;
    const path = (req.url ?? '/').split('?')[0]!;
    let routeName = 'unmatched';
    res.on('finish', () => {
      this.metrics.requests.inc({ route: routeName, status: `${Math.floor(res.statusCode / 100)}xx` });
      if (--this.inFlight === 0) this.idle?.();
    });
    try {
      // One path may have a GET and a POST route (a console form and its page); 405 only when no method fits.
      const allowed: string[] = [];
      for (const r of this.routes) {
        const params = match(r.path, path);
        if (!params) continue;
        routeName = r.path;
        if (req.method !== r.method && !(r.method === 'GET' && req.method === 'HEAD')) {
          allowed.push(r.method);
          continue;
        }
        return await r.handler(req, res, params);
      }
      if (allowed.length) {
        res.setHeader('allow', allowed.join(', '));
        return sendJson(res, 405, { error: 'method not allowed' });
      }
      sendJson(res, 404, { error: 'not found' });
    } catch (err) {
      if (err instanceof BodyTooLargeError) return sendJson(res, 413, { error: 'payload too large' });
      this.logger.error('request failed', { route: routeName, err });
      sendJson(res, 500, { error: 'internal error' });
    }
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /** Stops accepting connections and waits (up to `timeoutMs`) for requests in flight. */
  async close(timeoutMs = 10_000): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    if (this.inFlight > 0) {
      await Promise.race([
        new Promise<void>((resolve) => (this.idle = resolve)),
        new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]);
    }
    this.server.closeAllConnections();
    await closed;
  }
}
