import { ServiceClientCredentialsFactory, type ServiceClientCredentials } from 'botframework-connector';

interface CachedToken {
  token: string;
  /** ms since epoch after which a new token is fetched (5 minutes before it really expires). */
  renewAt: number;
}

type Signable = Parameters<ServiceClientCredentials['signRequest']>[0];

/**
 * Outbound tokens by the plain OAuth 2.0 client-credentials grant, used only when MICROSOFT_LOGIN_URL points
 * somewhere else than Microsoft's public cloud. botbuilder's own path goes through MSAL, which insists on https
 * authorities and instance discovery, so it cannot reach a sovereign-cloud proxy on http or a local fake.
 */
export class ClientCredentialsFactory extends ServiceClientCredentialsFactory {
  private readonly cache = new Map<string, CachedToken>();
  private readonly pending = new Map<string, Promise<string>>();

  constructor(
    private readonly appId: string,
    private readonly password: string,
    private readonly tokenUrl: string,
    private readonly defaultScope: string,
    private readonly fetchTimeoutMs = 10_000,
  ) {
    super();
  }

  async isValidAppId(appId: string) {
    return appId === this.appId;
  }

  async isAuthenticationDisabled() {
    return false;
  }

  async createCredentials(appId: string, audience: string | undefined): Promise<ServiceClientCredentials> {
    if (appId !== this.appId) throw new Error('Invalid appId.');
    const scope = audience || this.defaultScope;
    return {
      signRequest: async (request: Signable) => {
        request.headers.set('authorization', `Bearer ${await this.token(scope)}`);
        return request;
      },
    };
  }

  // Keeps secrets out of logs that serialise the factory.
  toJSON() {
    return { name: 'ClientCredentialsFactory', appId: this.appId, tokenUrl: this.tokenUrl };
  }

  private async token(scope: string): Promise<string> {
    const cached = this.cache.get(scope);
    if (cached && cached.renewAt > Date.now()) return cached.token;
    // Concurrent sends share one token request instead of each asking for their own.
    let pending = this.pending.get(scope);
    if (!pending) {
      pending = this.fetchToken(scope).finally(() => this.pending.delete(scope));
      this.pending.set(scope, pending);
    }
    return pending;
  }

  private async fetchToken(scope: string): Promise<string> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.appId,
      client_secret: this.password,
      scope: scope.endsWith('/.default') ? scope : `${scope.replace(/\/$/, '')}/.default`,
    });
    const res = await fetch(this.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      signal: AbortSignal.timeout(this.fetchTimeoutMs),
    });
    if (!res.ok) throw new Error(`token request to ${this.tokenUrl} failed with HTTP ${res.status}`);
    const json = (await res.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof json.access_token !== 'string') throw new Error(`token response from ${this.tokenUrl} has no access_token`);
    const lifetimeS = Number(json.expires_in ?? 3600);
    const renewAt = Date.now() + Math.max(0, (Number.isFinite(lifetimeS) ? lifetimeS : 3600) - 300) * 1000;
    this.cache.set(scope, { token: json.access_token, renewAt });
    return json.access_token;
  }
}

/**
 * The token endpoint for MICROSOFT_LOGIN_URL: a bare host gets the tenant appended (`/botframework.com` for
 * multi-tenant bots, the tenant id for single-tenant ones), a URL with a tenant path gets
 * `/oauth2/v2.0/token`, and a URL that already ends in `/token` is used as it is.
 */
export function tokenEndpoint(loginUrl: string, tenant: string): string {
  const url = new URL(loginUrl);
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/token$/.test(path)) return url.toString();
  url.pathname = path === '' ? `/${tenant}/oauth2/v2.0/token` : `${path}/oauth2/v2.0/token`;
  return url.toString();
}
