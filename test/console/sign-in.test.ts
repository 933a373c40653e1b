import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieClient, startConsoleBot, type ConsoleBot } from './support/console-bot.js';

describe('console sign-in by a one-time link from chat (Teams stack, PostgreSQL)', () => {
  let bot: ConsoleBot;
  beforeAll(async () => {
    bot = await startConsoleBot();
  });
  afterAll(async () => bot?.stop());

  it('without a session /beheer explains how to get a link (401), never the console', async () => {
    const res = await fetch(`${bot.running.url}/beheer`);
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(text).toContain('Typ beheer in de chat');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });

  it('HR gets a link that works once, opens an HttpOnly SameSite=Lax session, and signs out', async () => {
    const hr = await bot.person(['HR'], { name: 'Hanna HR' });
    const link = await bot.linkFor(hr.user);
    expect(link.startsWith(bot.running.url)).toBe(true);
    const client = new CookieClient(bot.running.url);
    const opened = await client.get(link);
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/beheer');
    const setCookie = opened.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const home = await client.get('/beheer');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Welkom, Hanna HR');

    // The link works once.
    const again = await new CookieClient(bot.running.url).get(link);
    expect(again.status).toBe(403);
    // Nothing secret is stored in plain text.
    const token = link.split('/').pop()!;
    expect(await bot.db.prisma.consoleLink.count({ where: { tokenHash: token } })).toBe(0);
    expect(await bot.db.prisma.consoleSession.count({ where: { tokenHash: client.cookie.split('=')[1]! } })).toBe(0);

    const csrf = await client.csrf();
    expect((await client.post('/beheer/signout', { csrf })).status).toBe(303);
    expect((await client.get('/beheer')).status).toBe(401);
    const actions = (await bot.db.prisma.auditLog.findMany({ where: { actor: hr.id }, orderBy: { id: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['console.link', 'console.signin', 'console.signout']);
  });

  it('a link expires after 10 minutes', async () => {
    const hr = await bot.person(['HR']);
    const link = await bot.linkFor(hr.user);
    await bot.db.prisma.consoleLink.updateMany({ where: { personId: hr.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await new CookieClient(bot.running.url).get(link)).status).toBe(403);
    expect(await bot.db.prisma.auditLog.count({ where: { action: 'console.signin.refused' } })).toBeGreaterThan(0);
  });

  it('link previewers do not use a link up', async () => {
    const hr = await bot.person(['HR']);
    const link = await bot.linkFor(hr.user);
    expect((await fetch(link, { headers: { 'user-agent': 'Slackbot-LinkExpanding 1.0' } })).status).toBe(204);
    expect((await new CookieClient(bot.running.url).get(link)).status).toBe(303);
  });

  it('an employee gets a friendly no in chat, and a manager a link', async () => {
    const employee = await bot.person(['EMPLOYEE']);
    const answer = await bot.say(employee.user, 'beheer');
    expect(answer).toContain('alleen voor HR en voor wie een team leidt');
    expect(answer).not.toContain('/beheer/login/');
    const manager = await bot.person(['MANAGER']);
    expect(await bot.linkFor(manager.user)).toContain('/beheer/login/');
  });

  it('link requests are rate-limited', async () => {
    const hr = await bot.person(['HR']);
    for (let i = 0; i < 5; i++) await bot.linkFor(hr.user);
    const sixth = await bot.say(hr.user, 'admin');
    expect(sixth).not.toContain('/beheer/login/');
    expect(sixth).toContain('10 minuten');
  });

  it('a POST without the CSRF token is refused', async () => {
    const hr = await bot.person(['HR']);
    const client = new CookieClient(bot.running.url);
    await client.get(await bot.linkFor(hr.user));
    expect((await client.post('/beheer/language', { locale: 'en' })).status).toBe(403);
    const csrf = await client.csrf();
    expect((await client.post('/beheer/language', { locale: 'en', csrf, back: '/beheer' })).status).toBe(303);
    expect(await (await client.get('/beheer')).text()).toContain('Welcome');
  });

  it('erasing a person (AVG) signs them out and forgets their links', async () => {
    const hr = await bot.person(['HR']);
    const client = new CookieClient(bot.running.url);
    await client.get(await bot.linkFor(hr.user));
    await bot.linkFor(hr.user);
    expect((await client.get('/beheer')).status).toBe(200);
    await bot.running.core.ctx.privacy.erase(hr.id, new Date());
    expect((await client.get('/beheer')).status).toBe(401);
    expect(await bot.db.prisma.consoleLink.count({ where: { personId: hr.id } })).toBe(0);
  });

  it('a session ends after 30 minutes without a request', async () => {
    const hr = await bot.person(['HR']);
    const client = new CookieClient(bot.running.url);
    await client.get(await bot.linkFor(hr.user));
    expect((await client.get('/beheer')).status).toBe(200);
    await bot.db.prisma.consoleSession.updateMany({ where: { personId: hr.id }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect((await client.get('/beheer')).status).toBe(401);
    expect(await bot.db.prisma.consoleSession.count({ where: { personId: hr.id } })).toBe(0);
  });
});
