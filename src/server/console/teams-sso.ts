import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTVerifyGetKey } from 'jose';

export interface TeamsSsoSettings {
  /** MICROSOFT_LOGIN_URL, default https://login.microsoftonline.com */
  loginUrl: string;
  tenantId: string;
  appId: string;
  /** PUBLIC_URL: its host is part of the audience `api://<host>/<app id>`. */
  publicUrl: string;
  fetch?: typeof fetch;
}

/**
 * Validates the Teams tab's SSO token as an Entra ID v2 token: keys and issuer from
 * `<login>/<tenant>/v2.0/.well-known/openid-configuration`, audience `api://<PUBLIC_URL host>/<app id>`
 * (the manifest's webApplicationInfo.resource). The metadata is read once and kept.
 */
export function teamsTokenVerifier(s: TeamsSsoSettings) {
  let meta: Promise<{ issuer: string; keys: JWTVerifyGetKey }> | undefined;
  const load = async () => {
    const url = `${s.loginUrl.replace(/\/$/, '')}/${s.tenantId}/v2.0/.well-known/openid-configuration`;
    const res = await (s.fetch ?? fetch)(url);
    if (!res.ok) throw new Error(`openid configuration: HTTP ${res.status}`);
    const config = (await res.json()) as { issuer: string; jwks_uri: string };
    return { issuer: config.issuer, keys: createRemoteJWKSet(new URL(config.jwks_uri)) };
  };
  const audience = `api://${new URL(s.publicUrl).host}/${s.appId}`;
  return async (token: string): Promise<{ oid: string } | { error: string }> => {
    try {
      meta ??= load().catch((e: unknown) => {
        meta = undefined;
        throw e;
      });
      const { issuer, keys } = await meta;
      // A multi-tenant registration reads `organizations` metadata, whose issuer names {tenantid}: the token's own.
      const expected = issuer.includes('{tenantid}') ? issuer.replace('{tenantid}', String(decodeJwt(token).tid ?? '')) : issuer;
      const { payload } = await jwtVerify(token, keys, { issuer: expected, audience, algorithms: ['RS256'] });
      const oid = typeof payload.oid === 'string' ? payload.oid : '';
      return oid ? { oid } : { error: 'no oid' };
    } catch (e) {
      return { error: (e as Error).name || 'invalid' };
    }
  };
}
