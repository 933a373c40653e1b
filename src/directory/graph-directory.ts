import type { DirectoryGroupData, DirectorySource, DirectoryUser, RemovedUser, UsersPage } from '../core/directory/directory-source.js';
import { DirectoryUnavailableError } from '../core/directory/directory-source.js';
import { fetchPatiently, jsonOrFail, type RetryOptions } from './http.js';
import type { GraphTokens } from './token.js';

export interface GraphSettings {
  /** MICROSOFT_GRAPH_URL: https://graph.microsoft.com/ (the API version is added unless the URL names one). */
  graphUrl: string;
  /** DIRECTORY_EDUCATION_ATTRIBUTE: a user property (employeeType, extension_<id>_level) or a dotted path into one. */
  educationAttribute?: string | undefined;
  /** Manager look-ups at once, for users whose delta item does not carry `manager@delta`. */
  concurrency?: number;
  retry?: RetryOptions;
}

type GraphUser = Record<string, unknown> & {
  id: string;
  '@removed'?: unknown;
  'manager@delta'?: { id: string; '@removed'?: unknown }[];
};

const FIELDS = [
  'id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'department', 'jobTitle', 'employeeId', 'companyName', 'accountEnabled',
  'assignedPlans',
];

/**
 * Does the user have Teams? Told by `assignedPlans` (service `TeamspaceAPI`, capability Enabled); a user without
 * it (outdoor staff with a directory account but no Teams licence) is reached through their team leader.
 */
const hasTeams = (plans: unknown): boolean | undefined => {
  if (!Array.isArray(plans)) return undefined;
  return plans.some((p) => p && typeof p === 'object' && (p as Record<string, unknown>).service === 'TeamspaceAPI' && (p as Record<string, unknown>).capabilityStatus === 'Enabled');
};

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const address = (v: unknown) => {
  const s = str(v)?.toLowerCase() ?? null;
  return s && /^[^\s@]+@[^\s@]+$/.test(s) ? s : null;
};

/** Value at a dotted path: `onPremisesExtensionAttributes.extensionAttribute3`. */
const at = (o: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);

/**
 * Microsoft Entra ID through Microsoft Graph with plain fetch: the few calls the sync makes (users/delta, a
 * manager, groups and members) page with @odata.nextLink and need our own handling of 429 Retry-After anyway,
 * so the Graph SDK would add a dependency and middleware without removing code.
 */
export class GraphDirectory implements DirectorySource {
  private readonly base: string;

  constructor(
    private readonly tokens: GraphTokens,
    private readonly settings: GraphSettings,
  ) {
    const u = settings.graphUrl.endsWith('/') ? settings.graphUrl : `${settings.graphUrl}/`;
    this.base = /\/(v1\.0|beta)\/$/.test(u) ? u : `${u}v1.0/`;
  }

  private async get<T>(url: string, what: string): Promise<T | null> {
    const res = await fetchPatiently(url, { headers: { authorization: `Bearer ${await this.tokens.get()}`, accept: 'application/json' } }, what, this.settings.retry);
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (res.status === 401 || res.status === 403) {
      throw new DirectoryUnavailableError(`${what}: HTTP ${res.status} — the app registration needs the Graph application permissions User.Read.All and GroupMember.Read.All (admin consent)`);
    }
    return jsonOrFail<T>(res, what);
  }

  /** Every page of a collection, following @odata.nextLink; the last page's @odata.deltaLink is returned too. */
  private async pages(first: string, what: string): Promise<{ items: Record<string, unknown>[]; deltaLink: string | null }> {
    const items: Record<string, unknown>[] = [];
    let url: string | null = first;
    while (url) {
      const page: { value?: Record<string, unknown>[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string } | null = await this.get(url, what);
      if (!page) throw new DirectoryUnavailableError(`${what}: not found (${url})`);
      items.push(...(page.value ?? []));
      if (page['@odata.deltaLink']) return { items, deltaLink: page['@odata.deltaLink'] };
      url = page['@odata.nextLink'] ?? null;
    }
    return { items, deltaLink: null };
  }

  async users(deltaLink: string | null): Promise<UsersPage> {
    const attribute = this.settings.educationAttribute;
    const select = [...FIELDS, 'manager', ...(attribute ? [attribute.split('.')[0]!] : [])];
    const first = deltaLink ?? `${this.base}users/delta?$select=${[...new Set(select)].join(',')}`;
    const { items, deltaLink: next } = await this.pages(first, 'users/delta');
    if (!next) throw new DirectoryUnavailableError('users/delta: the last page had no @odata.deltaLink');
    const users: (DirectoryUser | RemovedUser)[] = [];
    const askManager: DirectoryUser[] = [];
    for (const raw of items as GraphUser[]) {
      if (raw['@removed']) {
        users.push({ id: raw.id, removed: true });
        continue;
      }
      // A delta item carries only what changed: a property it lacks stays as stored (a full read has them all).
      const has = (...keys: string[]) => deltaLink === null || keys.some((k) => k in raw);
      const field = (key: string) => (has(key) ? str(raw[key]) : undefined);
      const named = str(raw.displayName) ?? ([str(raw.givenName), str(raw.surname)].filter(Boolean).join(' ') || str(raw.userPrincipalName));
      const u: DirectoryUser = {
        id: raw.id,
        email: has('mail', 'userPrincipalName') ? (address(raw.mail) ?? address(raw.userPrincipalName)) : undefined,
        name: has('displayName', 'givenName', 'surname', 'userPrincipalName') ? (named ?? raw.id) : undefined,
        department: field('department'),
        jobTitle: field('jobTitle'),
        employeeNumber: field('employeeId'),
        organization: field('companyName'),
        enabled: has('accountEnabled') ? raw.accountEnabled !== false : undefined,
        ...(hasTeams(raw.assignedPlans) === false ? { chat: false } : {}),
        ...(attribute && has(attribute.split('.')[0]!) ? { education: str(at(raw, attribute)) } : {}),
      };
      const m = raw['manager@delta'];
      if (Array.isArray(m)) u.managerId = m.find((x) => !x['@removed'])?.id ?? null;
      else askManager.push(u);
      users.push(u);
    }
    await this.managers(askManager);
    return { users, deltaLink: next, full: deltaLink === null };
  }

  /** `/users/{id}/manager` for users whose delta item did not say; 404 = no manager. */
  private async managers(users: DirectoryUser[]) {
    let i = 0;
    const worker = async () => {
      while (i < users.length) {
        const u = users[i++]!;
        const m = await this.get<{ id?: string }>(`${this.base}users/${encodeURIComponent(u.id)}/manager?$select=id`, 'users/manager');
        u.managerId = m?.id ?? null;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.settings.concurrency ?? 8) }, worker));
  }

  async groups(): Promise<DirectoryGroupData[]> {
    const { items } = await this.pages(`${this.base}groups?$select=id,displayName&$top=999`, 'groups');
    const out: DirectoryGroupData[] = [];
    let i = 0;
    const worker = async () => {
      while (i < items.length) {
        const g = items[i++]!;
        const id = String(g.id);
        const { items: members } = await this.pages(`${this.base}groups/${encodeURIComponent(id)}/members?$select=id&$top=999`, 'groups/members');
        const memberIds = members
          .filter((m) => !m['@odata.type'] || m['@odata.type'] === '#microsoft.graph.user')
          .map((m) => String(m.id));
        out.push({ id, name: str(g.displayName) ?? id, memberIds });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.settings.concurrency ?? 8) }, worker));
    return out;
  }
}
