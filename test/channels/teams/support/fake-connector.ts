import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export interface RecordedCall {
  method: string;
  /** Path after the service URL's own prefix, decoded: `/v3/conversations/a:1/activities`. */
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface CannedResponse {
  /** 0: never answer (a connector that hangs). */
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface RosterMember {
  id: string;
  name: string;
  aadObjectId: string;
  email?: string;
  userPrincipalName?: string;
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' } };
}

/**
 * A Bot Connector, OpenID/JWKS endpoint and token endpoint on 127.0.0.1 that records every call. Responses are
 * what Microsoft's services answer; `failNext` queues error answers for calls whose path matches.
 */
export class FakeConnector {
  readonly calls: RecordedCall[] = [];
  readonly roster = new Map<string, RosterMember>();
  private readonly canned: { match: RegExp; response: CannedResponse }[] = [];
  private server!: http.Server;
  private counter = 0;
  url = '';
  /** Endorsed for msteams, served in the JWKS. */
  trusted!: SigningKey;
  /** Served in the JWKS but endorsed only for another channel. */
  otherChannel!: SigningKey;
  /** Not served at all. */
  stranger!: SigningKey;

  static async start(): Promise<FakeConnector> {
    const fake = new FakeConnector();
    [fake.trusted, fake.otherChannel, fake.stranger] = await Promise.all([signingKey('k-teams'), signingKey('k-skype'), signingKey('k-stranger')]);
    fake.server = http.createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  /** What activities carry as serviceUrl: with a path prefix, as Teams' regional URLs have. */
  get serviceUrl() {
    return `${this.url}/emea/`;
  }

  get openIdUrl() {
    return `${this.url}/openid/.well-known/openid-configuration`;
  }

  failNext(match: RegExp, response: CannedResponse, times = 1) {
    for (let i = 0; i < times; i++) this.canned.push({ match, response });
  }

  /** Activities the bot posted (replies and proactive sends), oldest first. */
  activities(): { conversationId: string; activity: Record<string, unknown> }[] {
    return this.calls
      .filter((c) => c.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(c.path))
      .map((c) => ({ conversationId: c.path.split('/')[3]!, activity: c.body as Record<string, unknown> }));
  }

  clear() {
    this.calls.length = 0;
  }

  async mintToken(
    claims: Record<string, unknown>,
    options: { key?: SigningKey; issuer?: string; expiresIn?: string } = {},
  ): Promise<string> {
    const key = options.key ?? this.trusted;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuer(options.issuer ?? 'https://api.botframework.com')
      .setIssuedAt()
      .setNotBefore('-1m')
      .setExpirationTime(options.expiresIn ?? '1h')
      .sign(key.privateKey);
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const rawPath = (req.url ?? '/').split('?')[0]!;
    const v3 = rawPath.indexOf('/v3/');
    const path = decodeURIComponent(v3 >= 0 ? rawPath.slice(v3) : rawPath);
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // form-encoded token requests stay text
    }
    this.calls.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      const out = payload === undefined ? '' : JSON.stringify(payload);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(out);
    };
    const canned = this.canned.findIndex((c) => c.match.test(path));
    if (canned >= 0) {
      const { response } = this.canned.splice(canned, 1)[0]!;
      if (response.status === 0) return; // hang: stop() closes the socket
      return send(response.status, response.body ?? {}, response.headers);
    }
    const n = ++this.counter;
    if (path === '/openid/.well-known/openid-configuration') {
      return send(200, {
        issuer: 'https://api.botframework.com',
        authorization_endpoint: `${this.url}/oauth`,
        jwks_uri: `${this.url}/openid/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    }
    // Entra ID v2 (the Teams tab's SSO tokens): per-tenant discovery and keys, as login.microsoftonline.com serves them.
    const entra = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    if (entra) {
      return send(200, { issuer: `https://login.microsoftonline.com/${entra[1]}/v2.0`, jwks_uri: `${this.url}/${entra[1]}/discovery/v2.0/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (/^\/[^/]+\/discovery\/v2\.0\/keys$/.test(path)) return send(200, { keys: [this.trusted.jwk] });
    if (path === '/openid/keys') {
      return send(200, {
        keys: [
          { ...this.trusted.jwk, endorsements: ['msteams', 'webchat'] },
          { ...this.otherChannel.jwk, endorsements: ['skype'] },
        ],
      });
    }
    if (req.method === 'POST' && path.endsWith('/oauth2/v2.0/token')) {
      return send(200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: `outbound-token-${n}` });
    }
    if (req.method === 'POST' && path === '/v3/conversations') return send(201, { id: `a:created-${n}` });
    if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/.test(path)) return send(200, { id: `1700${n}` });
    if (req.method === 'PUT' && /^\/v3\/conversations\/[^/]+\/activities\/[^/]+$/.test(path)) return send(200, { id: path.split('/')[5] });
    if (req.method === 'DELETE' && /^\/v3\/conversations\/[^/]+\/activities\/[^/]+$/.test(path)) return send(200, {});
    const member = /^\/v3\/conversations\/[^/]+\/members\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && member) {
      const m = this.roster.get(member[1]!);
      return m ? send(200, m) : send(404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
    }
    send(404, { error: { code: 'NotFound', message: `fake connector has no route for ${req.method} ${path}` } });
  }
}
