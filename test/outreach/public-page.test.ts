import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createLogger } from '../../src/logger.js';
import { createMetrics } from '../../src/metrics.js';
import { aanbodRoutes } from '../../src/server/aanbod-routes.js';
import { HttpServer } from '../../src/server/http-server.js';
import { RateLimiter } from '../../src/server/rate-limit.js';
import { aPerson, anOrganization, aWorkshop } from '../support/builders.js';
import { axeViolations, keepScreenshot, launchBrowser, openPage } from '../support/browser.js';
import { useTestWorld } from '../support/world.js';
import { aLearningWeek, readPdf } from './support.js';

const w = useTestWorld('postgres');
let server: HttpServer;
let base: string;
let browser: Browser;
const requests = new RateLimiter(5, 10 * 60_000);

beforeAll(async () => {
  server = new HttpServer(createLogger('silent'), createMetrics());
  for (const r of aanbodRoutes(w.core.outreach, { requests, posters: new RateLimiter(50, 60_000) })) server.mount(r);
  base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  // The QR code must lead to this server.
  w.core.ctx.settings.publicUrl = base;
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function setting() {
  const org = await anOrganization(w.db);
  const leader = await aPerson(w.db, { name: 'Ruud Kooijman', organizationId: org.id, roles: ['EMPLOYEE', 'MANAGER'], department: 'Buitendienst', email: `ruud.${org.id}@x.nl` });
  const { week, workshops } = await aLearningWeek(w.db, [
    { title: 'Veilig werken met de bosmaaier', startsAt: '2027-03-16T08:00:00Z', capacity: 3 },
    { title: 'Eerste hulp: reanimatie oefenen', startsAt: '2027-03-17T12:30:00Z', capacity: 1 },
  ]);
  // Someone with an account signed up: the page says a seat is taken, never who took it.
  const taken = await aPerson(w.db, { name: 'Geheime Gerda', organizationId: org.id, email: `gerda.${org.id}@x.nl` });
  await w.db.prisma.signup.create({ data: { workshopId: workshops[1]!.id, personId: taken.id, status: 'CONFIRMED' } });
  await w.db.prisma.workshop.update({ where: { id: workshops[1]!.id }, data: { confirmedCount: 1 } });
  return { org, leader, week, workshops, taken };
}

const post = (path: string, fields: Record<string, string>) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(), redirect: 'manual' });

describe('the public page /aanbod', () => {
  it('from the poster’s QR code to a request, on a phone: no login, nothing personal, AA, under 100 KB, no scripts', async () => {
    const { leader, week, workshops, taken } = await setting();
    const pdf = await fetch(`${base}/aanbod/week/${week.key}/poster.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const qr = (await readPdf(new Uint8Array(await pdf.arrayBuffer()))).qr;
    expect(qr).toBe(`${base}/aanbod/week/${week.key}`);

    const page = await openPage(browser, 'phone');
    let bytes = 0;
    const types: string[] = [];
    page.on('response', (r) => {
      types.push(r.headers()['content-type'] ?? '');
      void r.body().then((b) => (bytes += b.length), () => undefined);
    });
    const res = await page.goto(qr!);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toMatch(/^default-src 'self'/);
    await page.waitForLoadState('networkidle');
    const html = await page.content();
    expect(html).toContain('Veilig werken met de bosmaaier');
    expect(html).toContain('dinsdag 16 maart, 09:00 tot 11:00 uur');
    expect(html).toContain('Waar: Gemeentewerf Zuid – kantine');
    expect(html).toContain('Nog 3 plekken vrij');
    expect(html).toContain('Vol. Je komt op de wachtlijst.');
    expect(html).not.toContain(taken.name);
    expect(html).not.toMatch(/@/);
    expect(await page.locator('script').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'aanbod-phone');
    expect(bytes).toBeGreaterThan(1000);
    expect(bytes).toBeLessThan(100 * 1024);
    expect(types.some((t) => t.startsWith('text/css'))).toBe(true);

    // Ask for a seat: the form, then the answer saying what happens next.
    await page.getByRole('link', { name: /Vraag een plek bij Veilig werken met de bosmaaier/ }).click();
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'aanbod-form-phone');
    await page.getByLabel('Je voornaam en achternaam').fill('José de Vries');
    await page.getByLabel('Je teamleider').selectOption({ label: 'Ruud Kooijman (Buitendienst)' });
    await page.getByRole('button', { name: 'Verstuur mijn vraag' }).click();
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Je vraag is verstuurd');
    expect(await page.content()).toContain('Ruud Kooijman krijgt je vraag voor Veilig werken met de bosmaaier. Je bent nog niet aangemeld.');
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'aanbod-sent-phone');

    // Nothing booked: a request waits for the team leader, and the team leader's message is queued.
    const request = await w.db.prisma.seatRequest.findFirstOrThrow({ where: { workshopId: workshops[0]!.id } });
    expect(request).toMatchObject({ name: 'José de Vries', nameKey: 'jose de vries', status: 'PENDING', teamLeaderId: leader.id, personId: null });
    expect(await w.db.prisma.signup.count({ where: { workshopId: workshops[0]!.id } })).toBe(0);
    const message = await w.db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'outreach.seat_request', personId: leader.id } });
    expect(message.payload).toEqual({ requestId: request.id });

    // A refusal on the phone: the form again, the reason above it, still AA.
    await page.goto(`${base}/aanbod/vraag/${workshops[0]!.id}`);
    await page.getByLabel('Je voornaam en achternaam').fill('www.goedkoop.nl');
    await page.getByLabel('Je teamleider').selectOption({ label: 'Ruud Kooijman (Buitendienst)' });
    await page.getByRole('button', { name: 'Verstuur mijn vraag' }).click();
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.locator('#fout').textContent()).toContain('Vul alleen je naam in. Zonder cijfers of links.');
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, 'aanbod-refused-phone');

    // English by choice.
    const en = await page.goto(`${base}/aanbod?lang=en`);
    expect(await en?.text()).toContain('Ask for a seat');
    await page.context().close();
  }, 120_000);

  it('refuses junk and duplicates in plain Dutch, and stores none of it', async () => {
    const { leader, workshops } = await setting();
    const path = `/aanbod/vraag/${workshops[1]!.id}`;
    const ok = { naam: 'Anne-Marie van ’t Hof', teamleider: leader.id, website: '' };
    const cases: [Record<string, string>, number, string][] = [
      [{ ...ok, naam: '   ' }, 400, 'Vul je naam in.'],
      [{ ...ok, naam: 'x'.repeat(61) }, 400, 'Je naam is te lang.'],
      [{ ...ok, naam: 'Goedkoop via https://spam.example/' }, 400, 'Vul alleen je naam in. Zonder cijfers of links.'],
      [{ ...ok, naam: 'www.spam.nl' }, 400, 'Vul alleen je naam in.'],
      [{ ...ok, website: 'http://spam.example' }, 400, 'Dat lukte niet. Probeer het nog eens.'],
      [{ ...ok, teamleider: '00000000-0000-0000-0000-000000000000' }, 400, 'Kies je teamleider uit de lijst.'],
    ];
    for (const [fields, status, text] of cases) {
      const r = await post(path, fields);
      expect(r.status, JSON.stringify(fields)).toBe(status);
      expect(await r.text()).toContain(text);
      requests.reset();
    }
    expect(await w.db.prisma.seatRequest.count({ where: { workshopId: workshops[1]!.id } })).toBe(0);

    expect((await post(path, ok)).status).toBe(200);
    // The same name again, other case and accents: a duplicate.
    const again = await post(path, { ...ok, naam: 'ANNE-MARIE VAN ’T HÓF' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Je hebt deze plek al gevraagd.');
    expect(await w.db.prisma.seatRequest.count({ where: { workshopId: workshops[1]!.id } })).toBe(1);

    // A workshop for another organisation only: shown with whom it is for, and no request the leader could never confirm.
    const other = await anOrganization(w.db, `Gemeente Anders ${leader.id.slice(0, 6)}`);
    const closed = await aWorkshop(w.db, { title: 'Alleen voor Anders', openTo: [other.id] });
    expect(await (await fetch(`${base}/aanbod/vraag/${closed.id}`)).text()).toContain(`Alleen voor: ${other.name}`);
    const notOpen = await post(`/aanbod/vraag/${closed.id}`, ok);
    expect(notOpen.status).toBe(400);
    expect(await notOpen.text()).toContain('Deze workshop is niet voor jouw team.');
    expect(await w.db.prisma.seatRequest.count({ where: { workshopId: closed.id } })).toBe(0);

    const gone = await fetch(`${base}/aanbod/vraag/00000000-0000-0000-0000-000000000000`);
    expect(gone.status).toBe(404);
    requests.reset();
  });

  it('rate limits the form per IP address', async () => {
    const { leader, workshops } = await setting();
    const path = `/aanbod/vraag/${workshops[0]!.id}`;
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await post(path, { naam: `Persoon ${'abcdefg'[i]}`, teamleider: leader.id })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const last = await post(path, { naam: 'Nog Iemand', teamleider: leader.id });
    expect(await last.text()).toContain('Wacht tien minuten en probeer het dan opnieuw.');
    expect(await w.db.prisma.seatRequest.count({ where: { workshopId: workshops[0]!.id } })).toBe(5);
  });

  it('stays under 100 KB with a full catalogue and many team leaders; the poster of a chosen set over HTTP', async () => {
    const { workshops } = await aLearningWeek(
      w.db,
      Array.from({ length: 60 }, (_, i) => ({ title: `Workshop ${i + 1}: beter samenwerken met collega’s op de werf`, startsAt: `2027-03-${String(15 + (i % 5)).padStart(2, '0')}T09:00:00Z` })),
      'Grote week',
    );
    for (let i = 0; i < 300; i++) await aPerson(w.db, { name: `Teamleider Nummer ${i}`, roles: ['MANAGER'], department: 'Buitendienst Groen en Reiniging' });
    const list = await fetch(`${base}/aanbod`);
    const listBytes = (await list.arrayBuffer()).byteLength;
    const form = await fetch(`${base}/aanbod/vraag/${workshops[0]!.id}`);
    const formBytes = (await form.arrayBuffer()).byteLength;
    const css = (await (await fetch(`${base}/aanbod/stijl.css`)).arrayBuffer()).byteLength;
    expect(listBytes + css).toBeLessThan(100 * 1024);
    expect(formBytes + css).toBeLessThan(100 * 1024);

    const keys = workshops.slice(0, 2).map((x) => x.key).join(',');
    const pdf = await fetch(`${base}/aanbod/poster.pdf?workshops=${keys}`);
    expect(pdf.status).toBe(200);
    const read = await readPdf(new Uint8Array(await pdf.arrayBuffer()));
    expect(read.qr).toBe(`${base}/aanbod`);
    expect(read.text).toContain('Workshop 2: beter samenwerken');
    expect((await fetch(`${base}/aanbod/poster.pdf?workshops=bestaat-niet`)).status).toBe(404);
  }, 120_000);
});
