import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenEndpoint } from '../../../src/channels/teams/auth/token-client.js';
import { aTeamsUser, messageActivity } from './support/activities.js';
import { startTeamsBot, type TeamsBot } from './support/harness.js';
import type { FakeConnector } from './support/fake-connector.js';

const APP_ID = '6f1c1e9a-2b7d-4c1e-9a55-3c2f0d9e8b71';
const TENANT = '0b7c6a5d-4e3f-4a2b-9c1d-8e7f6a5b4c3d';

const settings = (fake: FakeConnector, extra: Record<string, string> = {}) => ({
  MICROSOFT_APP_ID: APP_ID,
  MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
  MICROSOFT_OPENID_METADATA_URL: fake.openIdUrl,
  MICROSOFT_LOGIN_URL: fake.url,
  // A single-tenant app registration also turns on the directory sync, which catches up at start: keep it offline.
  MICROSOFT_GRAPH_URL: fake.url,
  ...extra,
});

describe('Teams inbound authentication with an app id (multi-tenant)', () => {
  let bot: TeamsBot;
  beforeAll(async () => {
    bot = await startTeamsBot((fake) => settings(fake));
  });
  afterAll(async () => bot?.stop());

  const activity = () => messageActivity(bot.fake.serviceUrl, aTeamsUser(), 'help');
  const claims = (over: Record<string, unknown> = {}) => ({ aud: APP_ID, serviceurl: bot.fake.serviceUrl, ...over });

  it('refuses a request without a token with 401', async () => {
    expect((await bot.post(activity())).status).toBe(401);
    expect(bot.fake.activities()).toHaveLength(0);
  });

  it('refuses a malformed token with 401, not 5xx', async () => {
    expect((await bot.post(activity(), 'not.a.jwt')).status).toBe(401);
    expect((await bot.post(activity(), 'garbage')).status).toBe(401);
  });

  it('refuses tokens that are signed by an unknown key, for another bot, from another issuer or expired', async () => {
    const a = activity();
    const f = bot.fake;
    const wrong = [
      await f.mintToken(claims(), { key: f.stranger }),
      await f.mintToken(claims({ aud: 'someone-else' })),
      await f.mintToken(claims(), { issuer: 'https://evil.example' }),
      await f.mintToken(claims(), { expiresIn: '-10m' }),
      await f.mintToken(claims({ serviceurl: 'https://other.example/' })),
    ];
    for (const token of wrong) expect((await bot.post(a, token)).status).toBe(401);
  });

  it('refuses a key that is published but not endorsed for msteams', async () => {
    const token = await bot.fake.mintToken(claims(), { key: bot.fake.otherChannel });
    expect((await bot.post(activity(), token)).status).toBe(401);
  });

  it('accepts a correctly signed token and answers with an outbound token from the login endpoint', async () => {
    bot.fake.clear();
    const token = await bot.fake.mintToken(claims());
    const res = await bot.post(activity(), token);
    expect(res.status).toBe(200);
    const tokenCall = bot.fake.calls.find((c) => c.path.endsWith('/oauth2/v2.0/token'));
    expect(tokenCall?.path).toBe('/botframework.com/oauth2/v2.0/token');
    const form = new URLSearchParams(String(tokenCall?.body));
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_id')).toBe(APP_ID);
    expect(form.get('scope')).toBe('https://api.botframework.com/.default');
    const reply = bot.fake.calls.find((c) => c.method === 'POST' && c.path.includes('/activities'));
    expect(reply?.headers.authorization).toMatch(/^Bearer outbound-token-\d+$/);
  });

  it('answers 401 (not 5xx) when the signing keys cannot be fetched', async () => {
    const down = await startTeamsBot((fake) => settings(fake, { MICROSOFT_OPENID_METADATA_URL: 'http://127.0.0.1:1/openid' }));
    try {
      const token = await down.fake.mintToken({ aud: APP_ID, serviceurl: down.fake.serviceUrl });
      expect((await down.post(messageActivity(down.fake.serviceUrl, aTeamsUser(), 'help'), token)).status).toBe(401);
    } finally {
      await down.stop();
    }
  });
});

describe('Teams authentication, single-tenant', () => {
  it('asks the tenant’s own token endpoint for outbound tokens', async () => {
    const bot = await startTeamsBot((fake) =>
      settings(fake, { MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_TENANT_ID: TENANT }),
    );
    try {
      const token = await bot.fake.mintToken({ aud: APP_ID, serviceurl: bot.fake.serviceUrl });
      expect((await bot.post(messageActivity(bot.fake.serviceUrl, aTeamsUser({ tenantId: TENANT }), 'help'), token)).status).toBe(200);
      expect(bot.fake.calls.some((c) => c.path === `/${TENANT}/oauth2/v2.0/token`)).toBe(true);
      expect(bot.logs.some((l) => String(l.msg).includes('TEAMS_INSECURE_DEV'))).toBe(false);
    } finally {
      await bot.stop();
    }
  });
});

describe('tokenEndpoint', () => {
  it('adds the tenant to a bare host, keeps a tenant path, and takes a full token URL as it is', () => {
    expect(tokenEndpoint('https://login.microsoftonline.us', 'botframework.com')).toBe(
      'https://login.microsoftonline.us/botframework.com/oauth2/v2.0/token',
    );
    expect(tokenEndpoint('https://login.example/t1/', 'botframework.com')).toBe('https://login.example/t1/oauth2/v2.0/token');
    expect(tokenEndpoint('http://127.0.0.1:9/x/token', 'botframework.com')).toBe('http://127.0.0.1:9/x/token');
  });
});
