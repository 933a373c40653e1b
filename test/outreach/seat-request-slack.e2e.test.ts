import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxWorker } from '../../src/delivery/outbox-worker.js';
import { createLogger } from '../../src/logger.js';
import { createMetrics } from '../../src/metrics.js';
import { aanbodRoutes } from '../../src/server/aanbod-routes.js';
import { HttpServer } from '../../src/server/http-server.js';
import { eventually } from '../channels/slack/support/fake-slack.js';
import { startHarness, type Harness } from '../channels/slack/support/harness.js';
import { buttonsIn, click, dmEvent, eventCallback, FORM, JSON_TYPE, postSigned } from '../channels/slack/support/slack-requests.js';
import { downloadRoutes } from '../../src/server/download-routes.js';
import { readPdf } from './support.js';

/** The demo team leader of the outdoor team, as Slack knows him (seed/demo/people.csv). */
const RUUD = { id: 'U00PFUJ1BPV', name: 'Ruud Kooijman', email: 'manager@demo.vliegwiel.nl', locale: 'nl-NL' };

let h: Harness;
let server: HttpServer;
let base: string;
let worker: OutboxWorker;

beforeAll(async () => {
  h = await startHarness();
  h.fake.addUser(RUUD);
  server = new HttpServer(createLogger('silent'), createMetrics());
  for (const r of aanbodRoutes(h.core.outreach)) server.mount(r);
  for (const r of downloadRoutes(h.core.ctx)) server.mount(r);
  base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  worker = h.startWorker(2);
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await server?.close();
  await h?.close();
});

const ask = (workshopId: string, naam: string, teamleider: string) =>
  fetch(`${base}/aanbod/vraag/${workshopId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ naam, teamleider, website: '' }).toString(),
  });

/** The team leader's DM that asks about this name, once the outbox delivered it. */
async function requestMessage(name: string) {
  const call = await eventually(
    () => h.fake.callsTo('chat.postMessage').find((c) => JSON.stringify(c.args.blocks ?? '').includes(`${name} wil naar`)),
    15_000,
  );
  expect(String(call.args.channel)).toContain(RUUD.id);
  const buttons = buttonsIn(call.args.blocks);
  expect(buttons.map((b) => b.text.text)).toEqual(['Bevestigen', 'Weigeren']);
  return { call, confirm: buttons[0]!, refuse: buttons[1]! };
}

async function press(button: ReturnType<typeof buttonsIn>[number], channel: string) {
  const before = h.fake.callsTo('chat.update').length;
  const res = await postSigned(h.events, click(RUUD.id, button, { kind: 'dm', channel, ts: `${Date.now() / 1000}` }), FORM);
  expect(res.status).toBe(200);
  const update = await eventually(() => h.fake.callsTo('chat.update').slice(before).find((c) => String(c.args.channel) === channel), 10_000);
  return String(update.args.text);
}

describe('a seat request from the public page, decided by the team leader in Slack', () => {
  it('confirmed: matched to the team member without an account (case and accents aside), or made under the team leader; signed up on their behalf', async () => {
    const ruud = await h.db.prisma.person.findUniqueOrThrow({ where: { email: RUUD.email } });
    const jose = await h.db.prisma.person.create({ data: { name: 'José Fernández', managerId: ruud.id, organizationId: ruud.organizationId, locale: 'nl' } });
    const workshop = await h.db.prisma.workshop.create({
      data: { key: `ws-${randomUUID()}`, title: 'Veilig werken met de bosmaaier', capacity: 5, icsToken: randomUUID(), startsAt: new Date(Date.now() + 10 * 86_400_000), endsAt: new Date(Date.now() + 10 * 86_400_000 + 7_200_000) },
    });

    expect((await ask(workshop.id, 'jose FERNANDEZ', ruud.id)).status).toBe(200);
    expect((await ask(workshop.id, 'Nelleke Nieuw', ruud.id)).status).toBe(200);
    // Nothing is booked before the team leader confirms.
    expect(await h.db.prisma.signup.count({ where: { workshopId: workshop.id } })).toBe(0);

    const first = await requestMessage('jose FERNANDEZ');
    const answer = await press(first.confirm, String(first.call.args.channel));
    expect(answer).toBe('jose FERNANDEZ is aangemeld voor Veilig werken met de bosmaaier.');
    const signup = await h.db.prisma.signup.findFirstOrThrow({ where: { workshopId: workshop.id, personId: jose.id } });
    expect(signup).toMatchObject({ status: 'CONFIRMED', signedUpById: ruud.id });
    expect(await h.db.prisma.seatRequest.findFirstOrThrow({ where: { nameKey: 'jose fernandez' } })).toMatchObject({ status: 'CONFIRMED', personId: jose.id });

    const second = await requestMessage('Nelleke Nieuw');
    expect(await press(second.confirm, String(second.call.args.channel))).toBe(
      'Nelleke Nieuw is aangemeld voor Veilig werken met de bosmaaier.\nIk heb Nelleke Nieuw toegevoegd aan je team.',
    );
    const nelleke = await h.db.prisma.person.findFirstOrThrow({ where: { name: 'Nelleke Nieuw' }, include: { identities: true } });
    expect(nelleke).toMatchObject({ managerId: ruud.id, organizationId: ruud.organizationId, email: null });
    expect(nelleke.identities).toEqual([]);
    expect(await h.db.prisma.signup.findFirstOrThrow({ where: { workshopId: workshop.id, personId: nelleke.id } })).toMatchObject({ status: 'CONFIRMED', signedUpById: ruud.id });

    // A second tap on the same button books nothing twice.
    expect(await press(first.confirm, String(first.call.args.channel))).toBe('Deze vraag is al afgehandeld of verlopen.');
    expect(await h.db.prisma.signup.count({ where: { workshopId: workshop.id } })).toBe(2);
    expect((await h.db.prisma.workshop.findUniqueOrThrow({ where: { id: workshop.id } })).confirmedCount).toBe(2);
  }, 60_000);

  it('refused: nothing is booked, nobody is made, and the request cannot be confirmed afterwards', async () => {
    const ruud = await h.db.prisma.person.findUniqueOrThrow({ where: { email: RUUD.email } });
    const workshop = await h.db.prisma.workshop.create({
      data: { key: `ws-${randomUUID()}`, title: 'Eerste hulp oefenen', capacity: 5, icsToken: randomUUID(), startsAt: new Date(Date.now() + 9 * 86_400_000), endsAt: new Date(Date.now() + 9 * 86_400_000 + 7_200_000) },
    });
    expect((await ask(workshop.id, 'Bert Bakker', ruud.id)).status).toBe(200);
    const m = await requestMessage('Bert Bakker');
    expect(await press(m.refuse, String(m.call.args.channel))).toBe('Je hebt de vraag van Bert Bakker geweigerd. Er is niets geboekt.');
    expect(await press(m.confirm, String(m.call.args.channel))).toBe('Deze vraag is al afgehandeld of verlopen.');
    expect(await h.db.prisma.signup.count({ where: { workshopId: workshop.id } })).toBe(0);
    expect(await h.db.prisma.person.count({ where: { name: 'Bert Bakker' } })).toBe(0);
    expect(await h.db.prisma.seatRequest.findFirstOrThrow({ where: { workshopId: workshop.id } })).toMatchObject({ status: 'REFUSED', personId: null });
  }, 60_000);

  it('`poster` in a DM: the team leader gets a link that downloads the PDF once', async () => {
    const before = h.fake.callsTo('chat.postMessage').length;
    expect((await postSigned(h.events, eventCallback(dmEvent(RUUD.id, 'poster')), JSON_TYPE)).status).toBe(200);
    const answer = await eventually(() => h.fake.callsTo('chat.postMessage').slice(before).find((c) => String(c.args.text).startsWith('Je poster staat klaar')), 10_000);
    const link = buttonsIn(answer.args.blocks).find((b) => b.url)!;
    expect(link.text.text).toBe('Download de poster');
    const path = new URL(link.url!).pathname;
    const pdf = await fetch(`${base}${path}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="poster-/);
    const read = await readPdf(new Uint8Array(await pdf.arrayBuffer()));
    expect(read.text.replace(/\s+/g, ' ')).toContain('Aanmelden? Vraag het je teamleider of scan de code.');
    expect(read.qr).toMatch(/^http:\/\/127\.0\.0\.1:3978\/aanbod/);
    expect((await fetch(`${base}${path}`)).status).toBe(404);
  }, 60_000);
});
