import { ConfidentialClientApplication, type INetworkModule, type NetworkRequestOptions } from '@azure/msal-node';

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

/** MSAL's HTTP through fetch: MSAL's own client speaks only https, and a login proxy or a local fake may not. */
function fetchNetworkClient(timeoutMs: number): INetworkModule {
  const call = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions) => {
    const res = await fetch(url, {
      method,
      headers: options?.headers ?? {},
      ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { error: 'invalid_response', error_description: text.slice(0, 200) };
    }
    return { status: res.status, headers: Object.fromEntries(res.headers), body: body as T };
  };
  return {
    sendGetRequestAsync: (url, options) => call('GET', url, options),
    sendPostRequestAsync: (url, options) => call('POST', url, options),
  };
}

export interface LoginSettings {
  appId: string;
  appPassword: string;
  /** MICROSOFT_LOGIN_URL: where the client-credentials grant goes instead of Microsoft's public login. */
  loginUrl: string;
  /** The tenant tokens come from when the caller names none: botframework.com, or a single-tenant bot's own. */
  tenant: string;
  fetchTimeoutMs?: number;
}

/**
 * Outbound tokens by MSAL's client-credentials grant against MICROSOFT_LOGIN_URL (sovereign clouds, proxies,
 * offline tests). MSAL insists on an https authority and looks the authority up online; both are answered
 * here from the configured URL (the authority's metadata is given, its requests go through fetch), so the
 * grant reaches exactly the configured token endpoint. MSAL caches each token until shortly before it expires.
 * Without MICROSOFT_LOGIN_URL the Teams SDK's own token manager (MSAL too) is used instead.
 */
export class LoginUrlTokens {
  private readonly clients = new Map<string, ConfidentialClientApplication>();

  constructor(private readonly settings: LoginSettings) {}

  /** The Teams SDK's TokenProvider shape: `(scope, tenantId) => token`. */
  readonly provider = async (scope: string | string[], tenantId?: string): Promise<string> => {
    const scopes = (Array.isArray(scope) ? scope : [scope]).map((s) => (s.endsWith('/.default') ? s : `${s.replace(/\/$/, '')}/.default`));
    const result = await this.client(tenantId || this.settings.tenant).acquireTokenByClientCredential({ scopes });
    if (!result?.accessToken) throw new Error(`no token from ${this.settings.loginUrl}`);
    return result.accessToken;
  };

  private client(tenant: string): ConfidentialClientApplication {
    let client = this.clients.get(tenant);
    if (client) return client;
    const endpoint = tokenEndpoint(this.settings.loginUrl, tenant);
    const host = new URL(endpoint).host;
    const authority = `https://${host}/${tenant}`;
    client = new ConfidentialClientApplication({
      auth: {
        clientId: this.settings.appId,
        clientSecret: this.settings.appPassword,
        authority,
        knownAuthorities: [host],
        authorityMetadata: JSON.stringify({
          token_endpoint: endpoint,
          issuer: `${authority}/v2.0`,
          authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
          jwks_uri: `${authority}/discovery/v2.0/keys`,
        }),
      },
      system: { networkClient: fetchNetworkClient(this.settings.fetchTimeoutMs ?? 10_000) },
    });
    this.clients.set(tenant, client);
    return client;
  }

  // Keeps the secret out of logs that serialise this object.
  toJSON() {
    return { name: 'LoginUrlTokens', appId: this.settings.appId, loginUrl: this.settings.loginUrl };
  }
}
