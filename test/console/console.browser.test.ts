import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aWorkshop } from '../support/builders.js';
import { axeViolations, keepScreenshot, launchBrowser, openPage } from '../support/browser.js';
import { startConsoleBot, type ConsoleBot } from './support/console-bot.js';

/** The browser's document, as far as these tests read it (the tests compile without the DOM library). */
type Doc = { activeElement: { id: string; textContent: string | null; labels?: { textContent: string | null }[] } | null };

const HR_PAGES = ['/beheer', '/beheer/weeks', '/beheer/weeks/new', '/beheer/workshops', '/beheer/workshops/new', '/beheer/workshops/import', '/beheer/people', '/beheer/klussen', '/beheer/report', '/beheer/audit'];

/** Every page in light and dark: axe-core (WCAG 2.1 AA) finds nothing, and a screenshot is kept. */
async function checkPage(page: Page, path: string, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const res = await page.goto(path);
    expect(res?.status(), path).toBeLessThan(400);
    expect(await axeViolations(page), `${path} (${scheme})`).toEqual([]);
    await keepScreenshot(page, `console-${name}-${scheme}`);
  }
}

describe('HR console in Chromium (whole bot, link from Teams chat)', () => {
  let bot: ConsoleBot;
  let browser: Browser;
  beforeAll(async () => {
    [bot, browser] = await Promise.all([startConsoleBot(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  async function signedIn(roles: ('HR' | 'MANAGER' | 'EMPLOYEE')[], size: 'desktop' | 'phone' = 'desktop', over: { name?: string; department?: string } = {}) {
    const person = await bot.person(roles, over);
    const link = await bot.linkFor(person.user);
    const page = await openPage(browser, size);
    await page.goto(link);
    return { page, person };
  }

  it('HR signs in by the link from chat; every page passes axe-core in light and dark', async () => {
    const w = await aWorkshop(bot.db, { title: 'Omgaan met agressie', capacity: 10, startsAt: new Date('2030-03-10T08:00:00Z'), endsAt: new Date('2030-03-10T10:00:00Z') });
    // A learning week with the workshop in it, so the weeks page shows its table (and the workshop form its choice).
    const week = await bot.db.prisma.learningWeek.create({ data: { key: 'miw-2030', name: 'Meester in je Werk-week 2030', startsOn: new Date('2030-03-10'), endsOn: new Date('2030-03-14') } });
    await bot.db.prisma.workshop.update({ where: { id: w.id }, data: { learningWeekId: week.id } });
    const { page } = await signedIn(['HR'], 'desktop', { name: 'Hanna HR' });
    expect(new URL(page.url()).pathname).toBe('/beheer');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Welkom, Hanna HR');
    for (const path of HR_PAGES) await checkPage(page, `${bot.running.url}${path}`, path.replace(/\//g, '-').slice(1) || 'home');
    await checkPage(page, `${bot.running.url}/beheer/workshops/${w.id}`, 'workshop-detail');
    await checkPage(page, `${bot.running.url}/beheer/weeks/${week.id}`, 'week-detail');
    // Mistakes on the form: named all at once, also through axe.
    await page.goto(`${bot.running.url}/beheer/workshops/new`);
    await page.getByLabel('Titel').fill('Teamdag');
    await page.getByLabel('Begin').fill('morgen');
    await page.getByLabel('Einde').fill('31-02-2030 25:00');
    await page.getByLabel('Aantal plekken').fill('0');
    await page.getByRole('button', { name: 'Workshop maken' }).click();
    await expect(page.locator('#problems li').count()).resolves.toBe(3);
    // What was typed is kept, and focus lands on the list of mistakes.
    await expect(page.getByLabel('Titel').inputValue()).resolves.toBe('Teamdag');
    await expect(page.evaluate(() => (globalThis as unknown as { document: Doc }).document.activeElement?.id)).resolves.toBe('problems');
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'console-workshop-form-problems');
    await page.context().close();
  });

  it('HR creates a workshop with the keyboard only, and it shows in chat', async () => {
    const { page } = await signedIn(['HR']);
    await page.goto(`${bot.running.url}/beheer/workshops`);
    // From the top of the page: skip link, then Tab to "Nieuwe workshop".
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => (globalThis as unknown as { document: Doc }).document.activeElement?.textContent)).resolves.toContain('Naar de inhoud');
    let guard = 0;
    while (!(await page.evaluate(() => (globalThis as unknown as { document: Doc }).document.activeElement?.textContent ?? '')).includes('Nieuwe workshop') && guard++ < 30) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/beheer/workshops/new');
    const typeInto = async (label: string, text: string) => {
      guard = 0;
      while ((await page.evaluate(() => (globalThis as unknown as { document: Doc }).document.activeElement?.labels?.[0]?.textContent ?? '')) !== label && guard++ < 40) await page.keyboard.press('Tab');
      await page.keyboard.type(text);
    };
    await typeInto('Titel', 'Rijvaardigheid veegwagen');
    await typeInto('Begin', '20-05-2030 09:00');
    await typeInto('Einde', '20-05-2030 12:00');
    await typeInto('Aantal plekken', '6');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/beheer\/workshops\/[0-9a-f-]{36}\?done=created/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Hij staat nu in de chat');
    await keepScreenshot(page, 'console-workshop-created');
    const employee = await bot.person(['EMPLOYEE']);
    expect(await bot.say(employee.user, 'workshops veegwagen')).toContain('Rijvaardigheid veegwagen');
    await page.context().close();
  });

  it('HR downloads the attendance list as a CSV Dutch Excel opens', async () => {
    const w = await aWorkshop(bot.db, { title: 'Excel basis', capacity: 10, startsAt: new Date('2030-03-11T08:00:00Z'), endsAt: new Date('2030-03-11T10:00:00Z') });
    const { page } = await signedIn(['HR']);
    await page.goto(`${bot.running.url}/beheer/workshops/${w.id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Lijst van deelnemers downloaden (CSV)' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toContain(';');
    await page.context().close();
  });

  it('an employee is refused with a friendly page; a manager sees only their own part (phone)', async () => {
    const former = await bot.person(['MANAGER']);
    const link = await bot.linkFor(former.user);
    await bot.db.prisma.person.update({ where: { id: former.id }, data: { roles: ['EMPLOYEE'] } });
    const refused = await openPage(browser, 'phone');
    await refused.goto(link);
    await expect(refused.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Deze pagina is niet voor jou');
    await expect(refused.locator('nav').count()).resolves.toBe(0);
    expect(await axeViolations(refused)).toEqual([]);
    await keepScreenshot(refused, 'console-employee-refused');
    await refused.context().close();

    const { page } = await signedIn(['MANAGER'], 'phone', { name: 'Mo Manager', department: 'Buitendienst' });
    const menu = await page.locator('nav ul.nav a').allTextContents();
    expect(menu).toEqual(['Start', 'Klussen', 'Rapport']);
    await checkPage(page, `${bot.running.url}/beheer/klussen`, 'manager-klussen-phone');
    await checkPage(page, `${bot.running.url}/beheer/report`, 'manager-report-phone');
    const forbidden = await page.goto(`${bot.running.url}/beheer/workshops`);
    expect(forbidden?.status()).toBe(403);
    await page.context().close();
  });
});
