import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/cli/commands.js';
import { OutboxStore } from '../../src/db/outbox/outbox-store.js';
import { createLogger } from '../../src/logger.js';
import { broadcastRoutes } from '../../src/server/broadcast-routes.js';
import { HttpServer } from '../../src/server/http-server.js';
import { createMetrics } from '../../src/metrics.js';
import { aWorkshop } from '../support/builders.js';
import { BACKENDS } from '../support/db.js';
import { DeletingSender, EditingSender } from '../support/editing-sender.js';
import { RecordingSender } from '../support/recording-sender.js';
import { aWorker, compose, texts, until, useBroadcastWorld } from './support.js';
import { cliDeps } from '../../src/runtime/admin-deps.js';
import { readAsDutchExcel } from '../support/dutch-excel.js';

describe.each(BACKENDS)('a broadcast on its way (%s)', (backend) => {
  const world = useBroadcastWorld(backend);

  const row = (key: string) => world.db.prisma.outboxMessage.findUnique({ where: { idempotencyKey: key } });
  const waiting = (id: string) => world.db.prisma.outboxMessage.count({ where: { broadcastId: id, status: { in: ['PENDING', 'SENDING'] } } });

  it('updates the author’s message in place while sending, ends with a summary, and recalls by replacing', async () => {
    const hr = await world.region.actor(world.region.hr1.id);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // Recipients' messages wait at the gate; the author's own messages go at once.
    const sender = new EditingSender('CONSOLE', (key) => (key.includes(':progress') || key.includes(':summary') ? Promise.resolve() : gate));
    const worker = aWorker(world.db, world.core, sender);
    const { id } = await compose(world.core, hr, { title: 'Iedereen', text: 'Voor iedereen.' });
    await world.core.bot.action(hr, { action: 'broadcast.send', value: id });
    worker.start();
    try {
      await until(async () => (await row(`broadcast:${id}:progress`))?.status === 'SENT');
      const progressRef = (await row(`broadcast:${id}:progress`))!.deliveredRef;
      await world.core.broadcasts.tick(world.core.clock.now());
      await until(async () => sender.updates.length === 1);
      expect(sender.updates[0]!.ref).toEqual(progressRef);
      // One of six is done: the person who cannot be reached failed at once.
      expect(sender.updates[0]!.message.text).toBe('Versturen: Iedereen ▓░░░░░░░░░ 16%');
      expect(await waiting(id)).toBe(5);

      release();
      await until(async () => (await waiting(id)) === 0);
      world.core.clock.advance(5000);
      await world.core.broadcasts.tick(world.core.clock.now());
      expect((await world.core.ctx.broadcasts.get(id))!.status).toBe('SENT');
      await until(async () => (await row(`broadcast:${id}:summary`))?.status === 'SENT');
      await until(async () => sender.updates.some((u) => u.message.text.startsWith('Klaar')));
      const final = sender.updates.find((u) => u.message.text.startsWith('Klaar'))!;
      expect(final.ref).toEqual(progressRef);
      expect(final.message.text).toContain('▓▓▓▓▓▓▓▓▓▓ 100%');
      const summary = sender.calls.find((c) => c.key === `broadcast:${id}:summary`)!;
      expect(JSON.stringify(summary.message)).toContain('5 van de 6 berichten zijn aangekomen. 1 is mislukt.');
      expect(JSON.stringify(summary.message)).toContain(`export broadcast-failures --broadcast ${id}`);
      // One message per reachable recipient, in their own language.
      const delivered = sender.calls.filter((c) => c.key.startsWith(`broadcast:${id}:`) && !/:(progress|summary)/.test(c.key));
      expect(delivered).toHaveLength(5);
      expect(new Set(delivered.map((c) => c.key)).size).toBe(5);

      const recaller = await world.region.actor(world.region.hr2.id);
      const recalled = await world.core.bot.action(recaller, { action: 'broadcast.recall', value: id });
      expect(texts(recalled)).toContain('0 berichten gaan niet meer weg. 5 haal ik weg.');
      const isNotice = (text: string) => /^(HR heeft het bericht|HR recalled the message)/.test(text);
      await until(async () => sender.updates.filter((u) => isNotice(u.message.text)).length === 5);
      const notices = sender.updates.filter((u) => isNotice(u.message.text));
      const refs = (await world.db.prisma.outboxMessage.findMany({ where: { broadcastId: id, status: 'SENT' } })).map((r) => r.deliveredRef);
      expect(notices.map((n) => n.ref)).toEqual(expect.arrayContaining(refs));
      expect(notices.find((n) => n.target.userId === world.region.clerk.id)?.message.text).toBe('HR recalled the message “Iedereen”.');
      await until(async () => sender.updates.some((u) => u.message.text.startsWith('Ingetrokken')));
      const trail = await world.db.prisma.auditLog.findMany({ where: { subject: id }, orderBy: { id: 'asc' } });
      expect(trail.map((a) => [a.action, a.actorId])).toContainEqual(['broadcast.recall', world.region.hr2.id]);
    } finally {
      release();
      await worker.stop();
    }

    const files: Record<string, string> = {};
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), readFile: async () => Buffer.from(''), writeFile: async (p: string, d: string) => void (files[p] = d) };
    const deps = async () => cliDeps(world.db, { timezone: 'Europe/Amsterdam', now: () => world.core.clock.now() });
    expect(await runCommand(['export', 'broadcast-failures', '--broadcast', id, '--out', 'f.csv'], io, deps)).toBe(0);
    const lines = files['f.csv']!.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Stil');
    expect(lines[1]).toContain('unreachable: no chat identity');
    const [header, failure] = readAsDutchExcel(files['f.csv']!);
    expect(header).toEqual(['bericht', 'naam', 'e-mail', 'organisatie', 'afdeling', 'kanaal', 'pogingen', 'reden', 'laatste poging']);
    expect(failure![7]).toBe('unreachable: no chat identity');
    expect(await runCommand(['export', 'broadcast-failures', '--broadcast', '00000000-0000-0000-0000-000000000000'], io, deps)).toBe(1);
  });

  it('cancels what has not gone on recall, and retracts what was in flight once it arrives', async () => {
    const hr = await world.region.actor(world.region.hr1.id);
    const { id } = await compose(world.core, hr, { roles: 'employee' });
    await world.core.bot.action(hr, { action: 'broadcast.send', value: id });
    // A worker of another replica is sending to Wim right now.
    const store = new OutboxStore(world.db.prisma);
    const claimed = await store.claim('other-replica', 100, 60_000, ['CONSOLE']);
    const inFlight = claimed.find((r) => r.broadcastId === id)!;
    await store.release('other-replica', claimed.filter((c) => c !== inFlight).map((c) => ({ id: c.id, delayMs: 0 })));
    expect(inFlight).toBeDefined();
    const r = await world.core.bot.action(hr, { action: 'broadcast.recall', value: id });
    expect(texts(r)).toMatch(/[1-9] berichten gaan niet meer weg\. 0 haal ik weg\./);
    await store.sent(inFlight.id, 'other-replica', { late: true });
    await world.core.broadcasts.tick(world.core.clock.now());
    // No sender that can edit: the recipient gets a short notice as a new message.
    const sender = new RecordingSender('CONSOLE');
    const worker = aWorker(world.db, world.core, sender);
    worker.start();
    try {
      await until(async () => (await row(`broadcast:${id}:recall:${inFlight.personId}`))?.status === 'SENT');
    } finally {
      await worker.stop();
    }
    const got = sender.calls.filter((c) => c.key.startsWith(`broadcast:${id}:`) && !c.key.includes(':progress'));
    expect(got.map((c) => [c.key, c.message.text])).toEqual([[`broadcast:${id}:recall:${inFlight.personId}`, 'HR heeft het bericht “Leerweek” ingetrokken.']]);
    expect(await waiting(id)).toBe(0);
  });

  it('deletes a recalled message where the platform can only delete', async () => {
    const hr = await world.region.actor(world.region.hr1.id);
    const { id } = await compose(world.core, hr, { roles: 'manager' });
    await world.core.bot.action(hr, { action: 'broadcast.send', value: id });
    const sender = new DeletingSender('CONSOLE');
    const worker = aWorker(world.db, world.core, sender);
    worker.start();
    try {
      await until(async () => (await waiting(id)) === 0);
      await world.core.bot.action(hr, { action: 'broadcast.recall', value: id });
      await until(async () => sender.removals.length === 1);
    } finally {
      await worker.stop();
    }
    expect(sender.removals[0]!.ref).toEqual({ key: `broadcast:${id}:${world.region.boss.id}` });
  });

  it('counts clicks on the button: a sign-up through the broadcast, and its link through the bot', async () => {
    const hr = await world.region.actor(world.region.hr1.id);
    const wim = await world.region.actor(world.region.worker.id);
    const w = await aWorkshop(world.db, { title: 'Veilig werken langs de weg' });
    const { id: signupId } = await compose(world.core, hr, { button: w.key, roles: 'employee' });
    await world.core.bot.action(hr, { action: 'broadcast.send', value: signupId });
    const got = await world.core.bot.compose('broadcast.message', { broadcastId: signupId }, wim);
    const button = got!.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []))[0]!;
    expect(button.label).toBe('Aanmelden');
    const signed = await world.core.bot.action(wim, { action: button.action, value: button.value });
    expect(texts(signed)).toContain('aangemeld');
    expect(await world.db.prisma.signup.count({ where: { workshopId: w.id, personId: world.region.worker.id, status: 'CONFIRMED' } })).toBe(1);
    expect((await world.core.ctx.broadcasts.progress(signupId)).clicks).toBe(1);

    const { id: linkId } = await compose(world.core, hr, { button: 'https://example.org/leerweek', button_label: 'Programma', roles: 'employee' });
    await world.core.bot.action(hr, { action: 'broadcast.send', value: linkId });
    const link = (await world.core.bot.compose('broadcast.message', { broadcastId: linkId }, wim))!.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []))[0]!;
    expect(link.label).toBe('Programma');
    const path = new URL(link.url!).pathname;
    const server = new HttpServer(createLogger('silent'), createMetrics());
    for (const r of broadcastRoutes(world.core)) server.mount(r);
    const port = await server.listen(0, '127.0.0.1');
    try {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('https://example.org/leerweek');
      // Someone else's person id with Wim's signature: not counted, not redirected.
      const forged = path.replace(world.region.worker.id, world.region.clerk.id);
      expect((await fetch(`http://127.0.0.1:${port}${forged}`, { redirect: 'manual' })).status).toBe(404);
    } finally {
      await server.close();
    }
    const events = await world.db.prisma.engagementEvent.findMany({ where: { kind: 'broadcast.click', refId: linkId } });
    expect(events.map((e) => e.personId)).toEqual([world.region.worker.id]);
    expect((await world.core.ctx.broadcasts.progress(linkId)).clicks).toBe(1);
  });
});
