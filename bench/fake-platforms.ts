import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The platforms' published limits, enforced by the fakes (null: limits off). */
export interface PlatformLimits {
  slackWorkspace: number;
  slackChannel: number;
  teamsTenant: number;
  teamsConversation: number;
}

/** Faults injected on a share of the calls that the limits let through. */
export interface Faults {
  rate429: number;
  rate5xx: number;
  retryAfterSeconds: number;
}

/** A token bucket that starts full: `burst` at once, then `rate` per second. */
class Bucket {
  private tokens: number;
  private last = performance.now();
  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }
  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** A small seeded generator: the same faults on every run. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => resolve(body));
  });

/**
 * Fake Slack Web API (`/api/<method>`) and Bot Connector (`/v3/conversations/<id>/activities`) on 127.0.0.1.
 * Each enforces its limits per workspace/tenant and per channel/conversation with 429 + Retry-After, injects
 * faults, and counts successful deliveries per conversation, so a benchmark can count recipient by recipient.
 */
export async function fakePlatforms(opts: { limits: PlatformLimits | null; faults: Faults; seed?: number }) {
  const random = seeded(opts.seed ?? 42);
  const buckets = new Map<string, Bucket>();
  const allow = (key: string, rate: number, burst: number) => {
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = new Bucket(rate, burst)));
    return b.take();
  };
  const delivered = new Map<string, number>();
  const stats = { ok: 0, edits: 0, throttled: 0, injected429: 0, injected5xx: 0, first: 0, last: 0, connections: 0 };

  /** The verdict on one call: throttled by a limit, a fault, or through. */
  const judge = (limits: [string, number][]): 'limit' | '429' | '5xx' | 'ok' => {
    if (opts.limits && !limits.every(([key, rate]) => allow(key, rate, Math.max(1, Math.round(rate))))) return 'limit';
    const r = random();
    if (r < opts.faults.rate429) return '429';
    if (r < opts.faults.rate429 + opts.faults.rate5xx) return '5xx';
    return 'ok';
  };
  const record = (conversation: string) => {
    // Wall-clock time: the benchmark compares it with the moment the engine process pressed "send".
    const now = Date.now();
    stats.first ||= now;
    stats.last = now;
    stats.ok++;
    delivered.set(conversation, (delivered.get(conversation) ?? 0) + 1);
  };
  const refuse = (res: ServerResponse, verdict: 'limit' | '429' | '5xx', slack: boolean) => {
    if (verdict === '5xx') {
      stats.injected5xx++;
      res.writeHead(503).end('service unavailable');
      return;
    }
    if (verdict === 'limit') stats.throttled++;
    else stats.injected429++;
    res.writeHead(429, { 'retry-after': String(opts.faults.retryAfterSeconds), 'content-type': 'application/json' });
    res.end(JSON.stringify(slack ? { ok: false, error: 'ratelimited' } : { error: { code: 'TooManyRequests' } }));
  };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const slack = http.createServer((req, res) => {
    void readBody(req).then((body) => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
      const form = req.headers['content-type']?.includes('json') ? (JSON.parse(body || '{}') as Record<string, string>) : Object.fromEntries(new URLSearchParams(body));
      if (method === 'auth.test') return json(res, 200, { ok: true, team_id: 'TBENCH', user_id: 'UBOT', bot_id: 'BBOT' });
      if (method === 'conversations.open') return json(res, 200, { ok: true, channel: { id: `D${form.users}` } });
      if (method !== 'chat.postMessage' && method !== 'chat.update' && method !== 'chat.delete') return json(res, 200, { ok: false, error: 'unknown_method' });
      const channel = form.channel ?? '';
      const l = opts.limits;
      const verdict = judge(l ? [['slack:workspace', l.slackWorkspace], [`slack:${channel}`, l.slackChannel]] : []);
      if (verdict !== 'ok') return refuse(res, verdict, true);
      if (method === 'chat.postMessage') record(channel);
      else stats.edits++;
      json(res, 200, { ok: true, channel, ts: `${Date.now() / 1000}` });
    });
  });

  const teams = http.createServer((req, res) => {
    void readBody(req).then(() => {
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/?]+)?/.exec(req.url ?? '');
      if (!m) return json(res, 404, { error: { code: 'NotFound' } });
      const conversation = decodeURIComponent(m[1]!);
      const tenant = conversation.split(':')[1] ?? '';
      const l = opts.limits;
      const verdict = judge(l ? [[`teams:${tenant}`, l.teamsTenant], [`teams:${conversation}`, l.teamsConversation]] : []);
      if (verdict !== 'ok') return refuse(res, verdict, false);
      if (req.method === 'POST') record(conversation);
      else stats.edits++;
      json(res, req.method === 'POST' ? 201 : 200, { id: `act-${stats.ok}` });
    });
  });

  const listen = (s: http.Server) =>
    new Promise<number>((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)));
  for (const s of [slack, teams]) {
    s.keepAliveTimeout = 30_000;
    s.on('connection', () => stats.connections++);
  }
  const [slackPort, teamsPort] = await Promise.all([listen(slack), listen(teams)]);
  return {
    slackUrl: `http://127.0.0.1:${slackPort}/api/`,
    teamsUrl: `http://127.0.0.1:${teamsPort}/`,
    delivered,
    stats,
    async close() {
      for (const s of [slack, teams]) s.closeAllConnections();
      await Promise.all([slack, teams].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}
