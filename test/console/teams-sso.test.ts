import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPerson } from '../support/builders.js';
import { startConsoleBot, type ConsoleBot } from './support/console-bot.js';

const APP_ID = '6f1c1e9a-2b7d-4c1e-9a55-3c2f0d9e8b71';
const TENANT = '0b7c6a5d-4e3f-4a2b-9c1d-8e7f6a5b4c3d';
const AUDIENCE = `api://vliegwiel.test/${APP_ID}`;

describe('console in the Teams tab: SSO tokens validated as Entra ID v2 tokens (local issuer)', () => {
  let bot: ConsoleBot;
  beforeAll(async () => {
    bot = await startConsoleBot((fake) => ({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
      MICROSOFT_APP_TENANT_ID: TENANT,
      MICROSOFT_OPENID_METADATA_URL: fake.openIdUrl,
      MICROSOFT_LOGIN_URL: fake.url,
      MICROSOFT_GRAPH_URL: fake.url,
      PUBLIC_URL: 'https://vliegwiel.test',
    }));
  });
  afterAll(async () => bot?.stop());

  const entraToken = (claims: Record<string, unknown>, issuer = `https://login.microsoftonline.com/${TENANT}/v2.0`, key?: typeof bot.fake.stranger) =>
    bot.fake.mintToken({ aud: AUDIENCE, tid: TENANT, ...claims }, { issuer, ...(key ? { key } : {}) });
  const sso = (token: string) =>
    fetch(`${bot.running.url}/beheer/sso`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });

  it('the tab page loads the Teams SDK from our own origin and has no inline script', async () => {
    const res = await fetch(`${bot.running.url}/beheer/tab?theme=dark`);
    const page = await res.text();
    expect(page).toContain('src="/beheer/static/teams-js.min.js"');
    expect(page).toContain('data-theme="dark"');
    expect((await fetch(`${bot.running.url}/beheer/static/teams-js.min.js`)).status).toBe(200);
  });

  it('maps the oid to the person\'s Teams identity and opens a Secure, SameSite=None session', async () => {
    const hr = await aPerson(bot.db, { roles: ['HR'], name: 'Tessa Tab' });
    const oid = '3d2c1b0a-1111-4222-8333-944455556666';
    await bot.db.prisma.channelIdentity.create({ data: { platform: 'TEAMS', userId: oid, tenantId: TENANT, personId: hr.id } });
    const res = await sso(await entraToken({ oid }));
    expect(res.status).toBe(204);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=None/);
    const home = await fetch(`${bot.running.url}/beheer`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Tessa Tab');
    expect(await bot.db.prisma.auditLog.count({ where: { actor: hr.id, action: 'console.signin' } })).toBe(1);
  });

  it('refuses (401, audited) a token for another audience, another issuer, or signed by a stranger', async () => {
    const oid = '3d2c1b0a-1111-4222-8333-944455556666';
    expect((await sso(await entraToken({ oid, aud: APP_ID }))).status).toBe(401);
    expect((await sso(await entraToken({ oid }, 'https://login.microsoftonline.com/other/v2.0'))).status).toBe(401);
    expect((await sso(await entraToken({ oid }, undefined, bot.fake.stranger))).status).toBe(401);
    expect((await sso('not.a.jwt')).status).toBe(401);
    expect(await bot.db.prisma.auditLog.count({ where: { action: 'console.signin.refused' } })).toBeGreaterThanOrEqual(4);
  });

  it('refuses a token posted from another site or an opaque origin (403, never 5xx)', async () => {
    const post = (origin: string) =>
      fetch(`${bot.running.url}/beheer/sso`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ token: 'x' }) });
    expect((await post('https://evil.example')).status).toBe(403);
    expect((await post('null')).status).toBe(403);
  });

  it('an unknown oid gets 403 and no session', async () => {
    const res = await sso(await entraToken({ oid: '99999999-1111-4222-8333-944455556666' }));
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});
