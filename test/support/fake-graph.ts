import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GraphUserSeed {
  id: string;
  displayName: string;
  mail?: string | null;
  userPrincipalName: string;
  department?: string | null;
  jobTitle?: string | null;
  employeeId?: string | null;
  companyName?: string | null;
  accountEnabled?: boolean;
  employeeType?: string | null;
  managerId?: string | null;
  /** Service plans (Teams is `TeamspaceAPI`); absent = Graph did not say. */
  assignedPlans?: { service: string; capabilityStatus: string }[];
}

interface StoredUser extends GraphUserSeed {
  version: number;
  removed?: boolean;
}

interface Group {
  id: string;
  displayName: string;
  members: string[];
}

export interface GraphCall {
  method: string;
  path: string;
  status: number;
}

/**
 * A stand-in for login.microsoftonline.com and graph.microsoft.com on 127.0.0.1: the client-credentials token
 * endpoint, `/v1.0/users/delta` (paged with @odata.nextLink, a @odata.deltaLink that returns only what changed
 * since, `manager@delta` when `manager` is selected), `/users/{id}/manager`, `/groups` and their `/members`, and 429s
 * with Retry-After on demand. Every call is recorded.
 */
export class FakeGraph {
  readonly calls: GraphCall[] = [];
  readonly users = new Map<string, StoredUser>();
  readonly groups = new Map<string, Group>();
  pageSize = 200;
  /** Leave `manager@delta` out of delta pages, so the client must ask `/users/{id}/manager`. */
  managerInDelta = true;
  secret = 'graph-secret';
  private version = 0;
  private throttles: { prefix: string; retryAfter: number; left: number }[] = [];
  private failures: { prefix: string; left: number; status: number }[] = [];
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  port = 0;

  get url() {
    return `http://127.0.0.1:${this.port}/`;
  }

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Adds or changes a user; a change shows up in the next delta. */
  upsertUser(u: Partial<GraphUserSeed> & { id: string }) {
    const before = this.users.get(u.id);
    this.users.set(u.id, { ...(before ?? { displayName: u.id, userPrincipalName: `${u.id}@fake` }), ...u, version: ++this.version, removed: false } as StoredUser);
  }

  removeUser(id: string) {
    const u = this.users.get(id);
    if (u) this.users.set(id, { ...u, removed: true, version: ++this.version });
    for (const g of this.groups.values()) g.members = g.members.filter((m) => m !== id);
  }

  setGroup(id: string, displayName: string, members: string[]) {
    this.groups.set(id, { id, displayName, members });
  }

  /** The next `times` requests whose path starts with `prefix` get 429 with this Retry-After (seconds). */
  throttle(prefix: string, retryAfter: number, times = 1) {
    this.throttles.push({ prefix, retryAfter, left: times });
  }

  /** The next `times` requests under `prefix` fail with this status (403: the app lacks a permission). */
  fail(prefix: string, times = 100, status = 500) {
    this.failures.push({ prefix, left: times, status });
  }

  callsTo(prefix: string) {
    return this.calls.filter((c) => c.path.startsWith(prefix));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const path = url.pathname.replace(/^\/v1\.0/, '');
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      this.calls.push({ method: req.method ?? 'GET', path, status });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    const t = this.throttles.find((x) => x.left > 0 && path.startsWith(x.prefix));
    if (t) {
      t.left--;
      return reply(429, { error: { code: 'TooManyRequests' } }, { 'retry-after': String(t.retryAfter) });
    }
    const f = this.failures.find((x) => x.left > 0 && path.startsWith(x.prefix));
    if (f) {
      f.left--;
      return reply(f.status, { error: { code: f.status === 403 ? 'Authorization_RequestDenied' : 'InternalServerError' } });
    }
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    if (token && req.method === 'POST') {
      const form = new URLSearchParams(body);
      if (form.get('grant_type') !== 'client_credentials' || form.get('client_secret') !== this.secret) {
        return reply(401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
      }
      return reply(200, { token_type: 'Bearer', expires_in: 3599, access_token: `token-for-${token[1]}` });
    }
    if (!req.headers.authorization?.startsWith('Bearer token-for-')) return reply(401, { error: { code: 'InvalidAuthenticationToken' } });
    if (path === '/users/delta') return reply(200, this.delta(url));
    const manager = /^\/users\/([^/]+)\/manager$/.exec(path);
    if (manager) {
      const m = this.users.get(decodeURIComponent(manager[1]!))?.managerId;
      return m ? reply(200, { '@odata.type': '#microsoft.graph.user', id: m }) : reply(404, { error: { code: 'Request_ResourceNotFound' } });
    }
    if (path === '/groups') return reply(200, this.page([...this.groups.values()].map((g) => ({ id: g.id, displayName: g.displayName })), url, '/v1.0/groups'));
    const members = /^\/groups\/([^/]+)\/members$/.exec(path);
    if (members) {
      const g = this.groups.get(decodeURIComponent(members[1]!));
      if (!g) return reply(404, { error: { code: 'Request_ResourceNotFound' } });
      return reply(200, this.page(g.members.map((id) => ({ '@odata.type': '#microsoft.graph.user', id })), url, `/v1.0/groups/${g.id}/members`));
    }
    reply(404, { error: { code: 'NotFound', path } });
  }

  private page(items: unknown[], url: URL, base: string) {
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
    const value = items.slice(skip, skip + this.pageSize);
    const next = skip + this.pageSize < items.length ? { '@odata.nextLink': `${this.url.replace(/\/$/, '')}${base}?$skiptoken=${skip + this.pageSize}` } : {};
    return { value, ...next };
  }

  private delta(url: URL) {
    const since = Number(url.searchParams.get('$deltatoken') ?? -1);
    // A paging link carries the run's own snapshot version, so changes during paging go to the next run.
    const upTo = Number(url.searchParams.get('upto') ?? this.version);
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
    const changed = [...this.users.values()]
      .filter((u) => u.version > since && u.version <= upTo && (since >= 0 || !u.removed))
      .sort((a, b) => a.id.localeCompare(b.id));
    const value = changed.slice(skip, skip + this.pageSize).map((u) => this.item(u));
    const base = `${this.url}v1.0/users/delta`;
    if (skip + this.pageSize < changed.length) {
      return { value, '@odata.nextLink': `${base}?$deltatoken=${since}&upto=${upTo}&$skiptoken=${skip + this.pageSize}` };
    }
    return { value, '@odata.deltaLink': `${base}?$deltatoken=${upTo}` };
  }

  private item(u: StoredUser) {
    if (u.removed) return { id: u.id, '@removed': { reason: 'deleted' } };
    const { version: _v, removed: _r, managerId, ...fields } = u;
    return {
      ...fields,
      accountEnabled: u.accountEnabled ?? true,
      ...(this.managerInDelta && managerId ? { 'manager@delta': [{ '@odata.type': '#microsoft.graph.user', id: managerId }] } : {}),
    };
  }
}
