import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { WebSocketServer, type WebSocket } from 'ws';

/** One recorded Web API call; JSON-encoded form fields (`blocks`, `view`) are decoded. */
export interface Call {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  /** What the fake answered (status 200 bodies only). */
  result?: Record<string, unknown>;
}

/** One POST to a response_url. */
export interface Response {
  id: string;
  body: Record<string, unknown>;
}

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

export interface FakeUser {
  id: string;
  name: string;
  email?: string;
  locale?: string;
  tz?: string;
  /** Deactivated in the workspace (users.list shows `deleted: true`). */
  deleted?: boolean;
  isBot?: boolean;
}

const decode = (v: unknown) => {
  if (typeof v !== 'string' || !/^[[{]/.test(v)) return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
};

async function readAll(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A stand-in for slack.com on 127.0.0.1: a plain node:http server that records every Web API call and
 * response_url post and answers like Slack (plausible ids and timestamps). Answers can be overridden per
 * method, e.g. a 429 with Retry-After. `/socket` is a Socket Mode WebSocket endpoint.
 */
export class FakeSlack {
  readonly calls: Call[] = [];
  readonly responses: Response[] = [];
  readonly users = new Map<string, FakeUser>();
  readonly socketAcks: Record<string, unknown>[] = [];
  private readonly overrides = new Map<string, ((call: Call) => Answer | undefined)[]>();
  private readonly gates = new Map<string, Promise<void>>();
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  private readonly wss = new WebSocketServer({ server: this.server, path: '/socket' });
  private sockets = new Set<WebSocket>();
  private seq = 0;
  /** Messages the bot posted, by channel and ts, so that `conversations.replies` can show a thread's parent. */
  private readonly posted = new Map<string, Record<string, unknown>>();
  port = 0;

  get apiUrl() {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string) {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  async start() {
    this.wss.on('connection', (ws) => {
      this.sockets.add(ws);
      ws.on('close', () => this.sockets.delete(ws));
      ws.on('message', (data) => this.socketAcks.push(JSON.parse(String(data)) as Record<string, unknown>));
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' }, debug_info: { host: 'fake' } }));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop() {
    // A normal close frame completes the handshake; the SDK would otherwise wait 30 s for one.
    for (const ws of this.sockets) ws.close(1000);
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  addUser(u: FakeUser) {
    this.users.set(u.id, u);
  }

  /** The next matching calls of `method` get `answer` (returning undefined passes the call on). */
  on(method: string, answer: (call: Call) => Answer | undefined) {
    const list = this.overrides.get(method) ?? [];
    list.push(answer);
    this.overrides.set(method, list);
  }

  /** Calls of `method` get no answer until the returned function is called (a slow Slack, held still). */
  hold(method: string): () => void {
    let release!: () => void;
    this.gates.set(method, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.gates.delete(method);
      release();
    };
  }

  /** The next `times` calls of `method` are refused with 429 and this Retry-After. */
  throttle(method: string, retryAfterSeconds: number | null, times = 1) {
    let left = times;
    this.on(method, (): Answer | undefined => {
      if (left <= 0) return undefined;
      left--;
      const headers: Record<string, string> = retryAfterSeconds === null ? {} : { 'retry-after': String(retryAfterSeconds) };
      return { status: 429, headers, body: { ok: false, error: 'ratelimited' } };
    });
  }

  /** The next call of `method` fails with this Slack error code. */
  failOnce(method: string, error: string) {
    let used = false;
    this.on(method, () => {
      if (used) return undefined;
      used = true;
      return { body: { ok: false, error } };
    });
  }

  callsTo(method: string) {
    return this.calls.filter((c) => c.method === method);
  }

  /** Pushes one Socket Mode envelope to every connected client. */
  push(type: 'events_api' | 'slash_commands' | 'interactive', payload: unknown, envelopeId: string) {
    const envelope = JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' });
    for (const ws of this.sockets) ws.send(envelope);
    return this.sockets.size;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const raw = await readAll(req);
    const url = req.url ?? '/';
    if (url.startsWith('/respond/')) {
      this.responses.push({ id: url.slice('/respond/'.length), body: JSON.parse(raw) as Record<string, unknown> });
      return this.reply(res, { body: { ok: true } });
    }
    if (!url.startsWith('/api/')) return this.reply(res, { status: 404, body: { ok: false } });
    const method = url.slice('/api/'.length).split('?')[0]!;
    const form = (req.headers['content-type'] ?? '').includes('json') ? (JSON.parse(raw || '{}') as Record<string, unknown>) : parseQuery(raw);
    const args = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, decode(v)]));
    const auth = req.headers.authorization;
    const call: Call = { method, args, token: auth?.replace(/^Bearer /, '') ?? (args.token as string | undefined) };
    this.calls.push(call);
    const gate = this.gates.get(method);
    if (gate) await gate;
    for (const o of this.overrides.get(method) ?? []) {
      const answer = o(call);
      if (answer) return this.reply(res, answer);
    }
    call.result = this.default(method, args) as Record<string, unknown>;
    this.reply(res, { body: call.result });
  }

  private default(method: string, args: Record<string, unknown>): unknown {
    const ts = `${1_800_000_000 + ++this.seq}.000100`;
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'vliegwiel', team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users)}` } };
      case 'chat.postMessage': {
        const message = { type: 'message', text: args.text, blocks: args.blocks, ts, bot_id: 'BBOT', ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}) };
        this.posted.set(`${String(args.channel)}/${ts}`, message);
        return { ok: true, channel: args.channel, ts, message: { text: args.text, ts } };
      }
      case 'conversations.replies': {
        // Only the parent is known (replies are not kept): enough for a listener that reads what opened a thread.
        const parent = this.posted.get(`${String(args.channel)}/${String(args.ts)}`);
        return parent ? { ok: true, messages: [parent], has_more: false } : { ok: false, error: 'thread_not_found' };
      }
      case 'chat.update': {
        const key = `${String(args.channel)}/${String(args.ts)}`;
        const old = this.posted.get(key);
        if (old) this.posted.set(key, { ...old, text: args.text, blocks: args.blocks });
        return { ok: true, channel: args.channel, ts: args.ts };
      }
      case 'views.publish':
      case 'views.open':
        return { ok: true, view: { id: `V${this.seq}` } };
      case 'users.list': {
        // Paged by cursor like Slack: `limit` per page, the next cursor in response_metadata.
        const all = [...this.users.values()];
        const from = Number(args.cursor ? Buffer.from(String(args.cursor), 'base64').toString() : 0);
        const limit = Number(args.limit ?? 200);
        const page = all.slice(from, from + limit);
        const next = from + limit < all.length ? Buffer.from(String(from + limit)).toString('base64') : '';
        return {
          ok: true,
          members: page.map((u) => ({
            id: u.id, team_id: 'T1', name: u.name.toLowerCase().replace(/\s+/g, '.'), real_name: u.name, deleted: u.deleted === true, is_bot: u.isBot === true,
            locale: u.locale, profile: { real_name: u.name, display_name: '', ...(u.email ? { email: u.email } : {}) },
          })),
          response_metadata: { next_cursor: next },
        };
      }
      case 'users.info': {
        const u = this.users.get(String(args.user));
        if (!u) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: { id: u.id, name: u.name.toLowerCase().replace(/\s+/g, '.'), real_name: u.name, tz: u.tz ?? 'Europe/Amsterdam', locale: u.locale, profile: { real_name: u.name, display_name: '', ...(u.email ? { email: u.email } : {}) } },
        };
      }
      default:
        return { ok: true };
    }
  }

  private reply(res: ServerResponse, a: Answer) {
    res.writeHead(a.status ?? 200, { 'content-type': 'application/json', ...a.headers });
    res.end(JSON.stringify(a.body));
  }
}

/** Polls until `check` returns a value (not undefined/false) or the time is up. */
export async function eventually<T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
