import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, keepScreenshot, launchBrowser, openPage } from '../support/browser.js';
import { startConsoleBot, type ConsoleBot } from './support/console-bot.js';

const LONG = 'Wij willen alle medewerkers van de buitendienst graag uitnodigen om in de komende weken mee te doen aan de leerweek.';

/** axe-core finds nothing (WCAG 2.1 AA) and the page is kept as a screenshot. */
async function clean(page: Page, name: string) {
  expect(await axeViolations(page), name).toEqual([]);
  await keepScreenshot(page, `console-${name}`);
}

describe('HR’s broadcasts, campaigns and language check in a real browser (Teams stack, PostgreSQL)', () => {
  let bot: ConsoleBot;
  let browser: Browser;
  let page: Page;
  let recipients: string[];

  beforeAll(async () => {
    bot = await startConsoleBot();
    browser = await launchBrowser();
    const hr = await bot.person(['HR'], { name: 'Hanna HR' });
    // Two outdoor workers who talked to the bot (so Teams knows where to reach them), and one in another department.
    const a = await bot.person(['EMPLOYEE'], { name: 'Wim Buiten', department: 'Buitendienst' });
    const b = await bot.person(['EMPLOYEE'], { name: 'Bea Buiten', department: 'Buitendienst' });
    const c = await bot.person(['EMPLOYEE'], { name: 'Clara Kantoor', department: 'DIV' });
    for (const u of [a, b, c]) await bot.say(u.user, 'hallo');
    recipients = [a.user.aadObjectId, b.user.aadObjectId];
    page = await openPage(browser);
    await page.goto(await bot.linkFor(hr.user));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('composes a broadcast to a department, counts exactly, previews, sends and follows progress to 100 %', async () => {
    await page.goto(`${bot.running.url}/beheer/broadcasts`);
    await clean(page, 'broadcasts');
    await page.getByRole('link', { name: 'Nieuw bericht' }).click();
    await page.locator('#f-title').fill('Leerweek buitendienst');
    await page.locator('#f-text').fill(`${LONG} Meld je aan in de chat.`);
    await page.getByRole('checkbox', { name: 'buitendienst' }).check();
    // The live check (static JS) flags the long sentence while typing; the count follows the audience.
    await expect.poll(() => page.locator('#lc-text').textContent()).toContain('te lang');
    await expect.poll(() => page.locator('#audience-count').textContent()).toContain('2 mensen krijgen dit bericht');
    await clean(page, 'broadcast-compose');

    // Without JavaScript's help: the count button gives the same exact count.
    await page.getByRole('button', { name: 'Tel de ontvangers' }).click();
    await expect(page.locator('#audience-count').textContent()).resolves.toContain('2 mensen krijgen dit bericht');
    expect(await page.locator('#f-title').inputValue()).toBe('Leerweek buitendienst');

    await page.getByRole('button', { name: 'Opslaan en voorbeeld bekijken' }).click();
    await page.waitForURL(/\/beheer\/broadcasts\/[0-9a-f-]{36}$/);
    expect(await page.locator('.pv--slack .pv-header').first().textContent()).toBe('Leerweek buitendienst');
    expect(await page.locator('.pv--teams .pv-header').first().textContent()).toBe('Leerweek buitendienst');
    expect(await page.locator('.language-check').first().textContent()).toContain(LONG);
    await clean(page, 'broadcast-draft');

    await page.getByRole('checkbox', { name: /stuur dit bericht naar 2 mensen/ }).check();
    await page.getByRole('button', { name: 'Nu versturen' }).click();
    await expect.poll(() => page.locator('[data-field="percent"]').textContent(), { timeout: 30_000 }).toBe('100');
    await page.waitForLoadState('load');
    await expect.poll(async () => bot.fake.activities().filter((x) => JSON.stringify(x.activity).includes('Leerweek buitendienst')).length).toBeGreaterThanOrEqual(2);
    const delivered = bot.fake.activities().filter((x) => JSON.stringify(x.activity).includes('Leerweek buitendienst'));
    expect(delivered.length).toBeGreaterThanOrEqual(recipients.length);
    await clean(page, 'broadcast-sent');
  }, 90_000);

  it('makes a campaign from words, edits it, pauses and starts it', async () => {
    await page.goto(`${bot.running.url}/beheer/campaigns`);
    await clean(page, 'campaigns');
    await page.getByRole('link', { name: 'Nieuwe campagne' }).click();
    await page.getByLabel(/^Code/).fill('buiten-leerweek');
    await page.getByLabel('Naam').fill('Buitendienst leerweek');
    await page.getByLabel('Wanneer gaat de tip weg?').fill('elke dinsdag om 07:00');
    await page.getByLabel('Tips mogen komen tussen', { exact: false }).fill('07:00-15:00');
    // The audience's reach now, live (static JS) while choosing.
    await page.getByRole('group', { name: 'Afdelingen' }).getByRole('checkbox', { name: 'buitendienst' }).check();
    await expect.poll(() => page.locator('#audience-count').textContent()).toContain('bereikt nu 2 mensen');
    const a = page.getByRole('group', { name: 'Variant A' });
    await a.getByLabel('Tekst (Nederlands)').fill(LONG);
    await a.getByLabel('Knop (Nederlands)').fill('Bekijk {count} workshops');
    await a.getByLabel('Tekst (Engels)').fill('There are workshops for you.');
    await a.getByLabel('Knop (Engels)').fill('See {count} workshops');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    // The same B1 rule as the JSON import: the long sentence is named, and what was typed stays.
    expect(await page.locator('#problems').textContent()).toContain('eenvoudig Nederlands');
    expect(await a.getByLabel('Knop (Nederlands)').inputValue()).toBe('Bekijk {count} workshops');
    await clean(page, 'campaign-mistakes');

    await a.getByLabel('Tekst (Nederlands)').fill('Er zijn {count} workshops voor jou. Kijk even mee.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/beheer\/campaigns\/[0-9a-f-]{36}\?saved=1$/);
    expect(await page.getByLabel('Wanneer gaat de tip weg?').inputValue()).toBe('elke dinsdag om 07:00');
    await page.getByLabel('Wanneer gaat de tip weg?').fill('elke werkdag om 07:30');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/saved=1$/);
    await clean(page, 'campaign-edit');
    const stored = await bot.db.prisma.nudgeCampaign.findUniqueOrThrow({ where: { key: 'buiten-leerweek' } });
    expect(stored).toMatchObject({ schedule: '30 7 * * 1-5', status: 'DRAFT' });

    await page.goto(`${bot.running.url}/beheer/campaigns`);
    await page.getByRole('button', { name: /Start.*Buitendienst leerweek/ }).click();
    const status = async () => (await bot.db.prisma.nudgeCampaign.findUniqueOrThrow({ where: { key: 'buiten-leerweek' } })).status;
    await expect.poll(status).toBe('ACTIVE');
    await page.getByRole('button', { name: /Pauzeer.*Buitendienst leerweek/ }).click();
    await expect.poll(status).toBe('PAUSED');
  }, 90_000);

  it('the language check flags a long sentence and its words, and says English has no rules', async () => {
    await page.goto(`${bot.running.url}/beheer/plain-language`);
    await page.getByLabel('Je tekst').fill(`${LONG} Lees de arbeidsvoorwaardenregeling.`);
    await page.getByRole('button', { name: 'Controleer' }).click();
    const panel = await page.locator('#lc-text').textContent();
    expect(panel).toContain('te lang');
    expect(panel).toContain(LONG);
    expect(panel).toContain('arbeidsvoorwaardenregeling');
    await clean(page, 'language-check');
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('button', { name: 'Controleer' }).click();
    expect(await page.locator('#lc-text').textContent()).toContain('geen regels');
  }, 60_000);

  it('speaks English by choice, and stays without violations', async () => {
    await page.goto(`${bot.running.url}/beheer/broadcasts/new`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${bot.running.url}/beheer/broadcasts/new`);
    expect(await page.locator('h1').textContent()).toBe('New message');
    await page.locator('#f-text').fill(LONG);
    await page.getByRole('button', { name: 'Save and see the preview' }).click();
    // Every mistake at once (the title is missing), in English, with what was typed kept.
    expect(await page.locator('#problems').textContent()).toContain('not right');
    expect(await page.locator('#f-text').inputValue()).toBe(LONG);
    await clean(page, 'broadcast-compose-en');
    await page.goto(`${bot.running.url}/beheer/campaigns/new`);
    expect(await page.getByLabel('When does the tip go?').inputValue()).toBe('every Tuesday at 07:00');
    await clean(page, 'campaign-new-en');
  }, 60_000);

  it('refuses a manager on these pages', async () => {
    const manager = await bot.person(['MANAGER']);
    const other = await openPage(browser);
    await other.goto(await bot.linkFor(manager.user));
    for (const path of ['/beheer/broadcasts', '/beheer/campaigns', '/beheer/plain-language']) {
      const res = await other.goto(`${bot.running.url}${path}`);
      expect(res?.status(), path).toBe(403);
    }
    await other.context().close();
  }, 60_000);
});
