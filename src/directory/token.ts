import { DirectoryUnavailableError } from '../core/directory/directory-source.js';
import { fetchPatiently, jsonOrFail } from './http.js';

export interface AppCredentials {
  appId: string;
  password: string;
  tenantId: string;
  /** MICROSOFT_LOGIN_URL: https://login.microsoftonline.com by default; sovereign clouds and tests set their own. */
  loginUrl: string;
}

/**
 * App-only tokens for Microsoft Graph (OAuth 2.0 client credentials) with the Teams bot's app registration. Plain
 * fetch rather than @azure/msal-node: MSAL insists on an https authority and its own instance discovery, which
 * sovereign proxies and the offline fake on 127.0.0.1 do not offer, and a client-credentials token needs no more
 * than one POST and a cache until shortly before it expires.
 */
export class GraphTokens {
  private cached: { token: string; until: number } | null = null;

  constructor(
    private readonly creds: AppCredentials,
    /** The Graph resource the token is for, e.g. https://graph.microsoft.com/ → scope https://graph.microsoft.com/.default */
    private readonly resource: string,
    /** Aborts a token request that waits (the bot is stopping). */
    private readonly signal?: AbortSignal,
  ) {}

  async get(): Promise<string> {
    if (this.cached && Date.now() < this.cached.until) return this.cached.token;
    const url = `${this.creds.loginUrl.replace(/\/+$/, '')}/${encodeURIComponent(this.creds.tenantId)}/oauth2/v2.0/token`;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.creds.appId,
      client_secret: this.creds.password,
      scope: `${new URL(this.resource).origin}/.default`,
    });
    const res = await fetchPatiently(url, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 'token', {
      signal: this.signal,
    });
    if (res.status === 400 || res.status === 401) {
      const e = (await res.json().catch(() => ({}))) as { error?: string; error_description?: string };
      throw new DirectoryUnavailableError(
        `token: ${e.error ?? res.status} — check MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID (${(e.error_description ?? '').split('\n')[0]})`,
      );
    }
    const t = await jsonOrFail<{ access_token: string; expires_in?: number }>(res, 'token');
    this.cached = { token: t.access_token, until: Date.now() + Math.max(60, (t.expires_in ?? 3600) - 300) * 1000 };
    return t.access_token;
  }
}
