import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieClient, startConsoleBot, type ConsoleBot } from './support/console-bot.js';

const PAGES = ['/beheer', '/beheer/weeks', '/beheer/weeks/new', '/beheer/workshops', '/beheer/workshops/new', '/beheer/workshops/import', '/beheer/people', '/beheer/klussen', '/beheer/report', '/beheer/report?by=education', '/beheer/audit'];

describe('console pages and rights (whole bot, PostgreSQL)', () => {
  let bot: ConsoleBot;
  let hr: CookieClient;
  beforeAll(async () => {
    bot = await startConsoleBot();
    hr = (await bot.signedIn(['HR'], { name: 'Hanna HR' })).client;
  });
  afterAll(async () => bot?.stop());

  it('HR opens every page, with the CSP and without any inline script or style', async () => {
    for (const path of PAGES) {
      const res = await hr.get(path);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      expect(text, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|\sstyle="|<style/);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
    // The same chart as in chat, as SVG on the page (issue 20: real font, values on the axis).
    const chart = await hr.get('/beheer/report/chart.svg');
    expect(chart.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await chart.text()).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s\S]*role="img"/);
  });

  it('the audit log shows the sign-in, and people import names every bad line', async () => {
    expect(await (await hr.get('/beheer/audit?action=console')).text()).toContain('console.signin');
    const csrf = await hr.csrf('/beheer/people');
    const boundary = 'xyz123';
    const csv = 'platform,platform_user_id,email,name,organization,department,education_level,role,locale,skills\nteams,,a@x.nl,A,Gem,Dep,mbo3,employee,nl,\nteams,,geen-mail,B,Gem,Dep,universiteit,baas,nl,\n';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.csv"\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const res = await fetch(`${bot.running.url}/beheer/people/import`, { method: 'POST', headers: { cookie: hr.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('Regel 3');
    expect(await bot.db.prisma.person.count({ where: { email: 'a@x.nl' } })).toBe(0);
  });

  it('a manager sees the klussen and their team report, and nothing of HR', async () => {
    const m = (await bot.signedIn(['MANAGER'], { name: 'Mo Manager', department: 'Buitendienst' })).client;
    const home = await (await m.get('/beheer')).text();
    expect(home).toContain('/beheer/klussen');
    expect(home).not.toContain('/beheer/workshops');
    expect(home).not.toContain('/beheer/audit');
    expect((await m.get('/beheer/klussen')).status).toBe(200);
    const report = await m.get('/beheer/report?by=education');
    expect(report.status).toBe(200);
    expect(await report.text()).toContain('De cijfers van je team');
    for (const path of ['/beheer/people', '/beheer/audit', '/beheer/workshops/new']) expect((await m.get(path)).status, path).toBe(403);
  });
});
