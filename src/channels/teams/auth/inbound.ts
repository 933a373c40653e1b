import { importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import type { InboundActivity } from '../activity-types.js';

/** A Bot Framework signing key as published: a JWK plus the channels it is endorsed for. */
type EndorsedKey = JWK & { kid?: string; endorsements?: string[] };

export interface InboundTokenSettings {
  appId: string;
  /** The OpenID configuration whose `jwks_uri` lists the signing keys (the SDK cloud's openIdMetadataUrl). */
  openIdMetadataUrl: string;
  /** The issuer channel tokens carry (the SDK cloud's tokenIssuer). */
  issuer: string;
  fetchTimeoutMs?: number;
}

/** What a validated request carries on (the shape of the SDK's IToken). */
export interface ValidatedCaller {
  appId: string;
  from: 'azure';
  fromId: string;
  serviceUrl: string;
  isExpired(): boolean;
}

/** Keys are refreshed daily, and at once for an unknown key id (Microsoft rolls keys), at most once a minute. */
const KEYS_MAX_AGE_MS = 24 * 3600_000;
const MISS_REFRESH_MS = 60_000;
/** The clock skew botbuilder allowed. */
const CLOCK_TOLERANCE_S = 300;

/**
 * Checks the Bot Framework token of an inbound activity: signed with RS256 by a published key that is endorsed
 * for the activity's channel, issued by the Bot Framework to this app (audience), not expired, and naming the
 * activity's service URL. The Teams SDK's own validator does not check endorsements (a key published for another
 * channel would pass), so this one stands in front of it. Every failure is an Error: the route answers 401.
 */
export class InboundTokenValidator {
  private keys = new Map<string, EndorsedKey>();
  private fetchedAt = 0;
  private refreshing: Promise<void> | undefined;

  constructor(private readonly settings: InboundTokenSettings) {}

  async validate(authHeader: string, activity: InboundActivity): Promise<ValidatedCaller> {
    const match = /^Bearer\s+(\S+)$/i.exec(authHeader.trim());
    if (!match) throw new Error('no bearer token');
    const channel = activity.channelId ?? 'msteams';
    const { payload } = await jwtVerify(
      match[1]!,
      async (header) => {
        if (!header.kid) throw new Error('token has no key id');
        const jwk = await this.key(header.kid);
        if (!jwk) throw new Error('token signed by an unknown key');
        if (!jwk.endorsements?.includes(channel)) throw new Error(`signing key not endorsed for ${channel}`);
        const { endorsements: _e, ...plain } = jwk;
        return importJWK(plain, header.alg);
      },
      {
        algorithms: ['RS256', 'RS384', 'RS512'],
        issuer: this.settings.issuer,
        audience: this.settings.appId,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['exp'],
      },
    );
    if (!sameServiceUrl(payload.serviceurl, activity.serviceUrl)) throw new Error('token is for another service URL');
    return caller(payload, activity.serviceUrl, this.settings.appId);
  }

  private async key(kid: string): Promise<EndorsedKey | undefined> {
    const stale = Date.now() - this.fetchedAt > KEYS_MAX_AGE_MS;
    const missing = !this.keys.has(kid) && Date.now() - this.fetchedAt > MISS_REFRESH_MS;
    if (stale || missing) await this.refresh();
    return this.keys.get(kid);
  }

  /** One refresh at a time; concurrent requests wait for it. A failure leaves the old keys in place. */
  private refresh(): Promise<void> {
    this.refreshing ??= this.fetchKeys().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async fetchKeys(): Promise<void> {
    const config = (await this.getJson(this.settings.openIdMetadataUrl)) as { jwks_uri?: unknown };
    if (typeof config.jwks_uri !== 'string') throw new Error('OpenID configuration has no jwks_uri');
    const jwks = (await this.getJson(config.jwks_uri)) as { keys?: unknown };
    if (!Array.isArray(jwks.keys)) throw new Error('JWKS has no keys');
    const keys = new Map<string, EndorsedKey>();
    for (const k of jwks.keys as EndorsedKey[]) if (k && typeof k.kid === 'string' && k.kty === 'RSA') keys.set(k.kid, k);
    this.keys = keys;
    this.fetchedAt = Date.now();
  }

  private async getJson(url: string): Promise<unknown> {
    const res = await fetch(url, { signal: AbortSignal.timeout(this.settings.fetchTimeoutMs ?? 10_000) });
    if (!res.ok) throw new Error(`${url} answered HTTP ${res.status}`);
    return res.json();
  }
}

/** Service URLs compare without a trailing slash (Teams sends both forms). */
function sameServiceUrl(claim: unknown, serviceUrl: string): boolean {
  const norm = (s: string) => s.trim().replace(/\/+$/, '');
  return typeof claim === 'string' && claim !== '' && norm(claim) === norm(serviceUrl);
}

function caller(payload: JWTPayload, serviceUrl: string, appId: string): ValidatedCaller {
  const exp = payload.exp ?? 0;
  return {
    appId: typeof payload.appid === 'string' ? payload.appid : appId,
    from: 'azure',
    fromId: payload.sub ?? '',
    serviceUrl,
    isExpired: () => Date.now() / 1000 > exp + CLOCK_TOLERANCE_S,
  };
}
