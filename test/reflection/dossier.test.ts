import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { downloadRoutes } from '../../src/server/download-routes.js';
import { HttpServer } from '../../src/server/http-server.js';
import { createMetrics } from '../../src/metrics.js';
import { BACKENDS, testDatabase } from '../support/db.js';
import { aWorkshop, FixedClock, testCore } from '../support/builders.js';
import { buttonValue, deliveryOf, shown, someone, withLibrary, type TestCore } from './support.js';

const SECRET = 'GEHEIM-antwoord-7731';
const GOAL = 'Leren werken met de hoogwerker';

describe.each(BACKENDS)('the private talent dossier on %s', (backend) => {
  let db: Database;
  let core: TestCore;
  let server: HttpServer;
  let base: string;
  const clock = new FixedClock(new Date('2027-03-02T09:00:00Z'));
  let author: Awaited<ReturnType<typeof someone>>;
  let manager: Awaited<ReturnType<typeof someone>>;
  let hr: Awaited<ReturnType<typeof someone>>;

  beforeAll(async () => {
    db = await testDatabase(backend);
    core = testCore(db, clock);
    await withLibrary(db);
    server = new HttpServer(createLogger('silent'), createMetrics());
    for (const r of downloadRoutes(core.ctx)) server.mount(r);
    base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;

    manager = await someone(db, core, { roles: ['MANAGER'], department: 'Buitendienst' });
    hr = await someone(db, core, { roles: ['HR'], department: 'HR' });
    author = await someone(db, core, { managerId: manager.person.id, department: 'Buitendienst', name: 'Kees van Dalen' });
    await core.bot.text(author.actor, 'reflectie');
    await core.bot.text(author.actor, SECRET);
    await core.bot.text(author.actor, `doel ${GOAL}`);
    const w = await aWorkshop(db, { title: 'Veilig werken langs de weg', startsAt: new Date('2027-02-15T09:00:00Z') });
    await db.prisma.signup.create({ data: { workshopId: w.id, personId: author.person.id, status: 'CONFIRMED', attended: true } });
    const klus = await db.prisma.klus.create({ data: { key: `k-${author.person.id}`, title: 'Speeltuin inspecteren' } });
    await db.prisma.klusInterest.create({ data: { klusId: klus.id, personId: author.person.id } });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  const fetchToken = (token: string, init?: RequestInit) => fetch(`${base}/downloads/${token}`, init);
  const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

  it('shows the author their own goals, reflections, workshops and klussen', async () => {
    const view = shown(await core.bot.text(author.actor, 'mijn dossier'));
    for (const s of ['Mijn dossier', 'Alleen jij kunt dit zien. Je leidinggevende en HR niet.', GOAL, SECRET, 'Veilig werken langs de weg (aanwezig)', 'Speeltuin inspecteren (je doet mee)']) {
      expect(view).toContain(s);
    }
    const done = await core.bot.action(author.actor, { action: 'goal.done', value: buttonValue(JSON.parse(view), 'goal.done') });
    expect(shown(done.update)).toContain(`Mooi! “${GOAL}” staat nu bij gehaald.`);
    expect(await db.prisma.goal.count({ where: { personId: author.person.id, doneAt: { not: null } } })).toBe(1);
    await core.bot.text(author.actor, 'doel Een klus in een ander team doen');
  });

  it('is not readable by the manager or HR through any command', async () => {
    const words = ['mijn dossier', 'my dossier', 'dossier', `mijn dossier ${author.person.email ?? author.person.id}`, `my dossier ${author.person.id}`, 'mijn', 'programma', 'help', 'ritme'];
    for (const reader of [manager, hr]) {
      for (const w of words) {
        const r = shown(await core.bot.text(reader.actor, w));
        expect(r, `${w} as ${reader.person.roles.join()}`).not.toContain(SECRET);
        expect(r).not.toContain(GOAL);
        expect(r).not.toContain('Speeltuin inspecteren');
      }
      expect(shown(await core.bot.home(reader.actor))).not.toContain(SECRET);
      const own = shown(await core.bot.text(reader.actor, 'mijn dossier'));
      expect(own).toContain('Je hebt nog geen doelen.');
    }
  });

  it('ignores another person’s ids replayed in buttons and forms', async () => {
    const view = await core.bot.text(author.actor, 'mijn dossier');
    const goalId = buttonValue(view, 'goal.done');
    const ask = await core.bot.text(author.actor, 'reflectie');
    const deliveryId = deliveryOf(ask);
    for (const reader of [manager, hr]) {
      const tries = [
        { action: 'goal.done', value: goalId },
        { action: 'reflect.skip', value: deliveryId },
        { action: 'reflect.later', value: deliveryId },
        { action: 'reflect.scale', value: `${deliveryId}:1` },
        { action: 'reflect.answer', value: deliveryId, form: { answer: 'overschreven' } },
      ];
      for (const t of tries) expect(shown(await core.bot.action(reader.actor, t)), t.action).toContain('Dat kan ik niet (meer) vinden.');
    }
    expect(await db.prisma.goal.count({ where: { id: goalId, doneAt: null } })).toBe(1);
    const d = await db.prisma.promptDelivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { reflections: true } });
    expect(d.status).toBe('SENT');
    expect(d.reflections).toHaveLength(0);
    expect(await db.prisma.outboxMessage.count({ where: { kind: 'prompt.snoozed', personId: { in: [manager.person.id, hr.person.id] } } })).toBe(0);
    // The author's open prompt is still theirs to answer.
    await core.bot.text(author.actor, 'Mijn eigen antwoord');
    expect(await db.prisma.reflection.count({ where: { deliveryId } })).toBe(1);
  });

  it('exports the dossier as Markdown behind a link that works once, and not after an hour', async () => {
    const r = await core.bot.action(author.actor, { action: 'dossier.export', value: '' });
    expect(shown(r)).toContain('De link werkt één keer en 1 uur lang.');
    const url = /"url":"([^"]+)"/.exec(shown(r))![1]!;
    expect(url.startsWith(`${core.ctx.settings.publicUrl}/downloads/`)).toBe(true);
    const token = tokenOf(url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Link previews and HEAD requests do not use the link up.
    expect((await fetchToken(token, { method: 'HEAD' })).status).toBe(204);
    expect((await fetchToken(token, { headers: { 'user-agent': 'Slackbot-LinkExpanding 1.0' } })).status).toBe(204);
    const res = await fetchToken(token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/markdown');
    expect(res.headers.get('content-disposition')).toContain('talentdossier-2027-03-02.md');
    const md = await res.text();
    for (const s of ['# Talentdossier van Kees van Dalen', '## Mijn doelen', `- [x] ${GOAL}`, '- [ ] Een klus in een ander team doen', `> ${SECRET}`, 'Veilig werken langs de weg (aanwezig)', 'Speeltuin inspecteren (je doet mee)']) {
      expect(md).toContain(s);
    }
    expect((await fetchToken(token)).status).toBe(404);

    const later = tokenOf(/"url":"([^"]+)"/.exec(shown(await core.bot.action(author.actor, { action: 'dossier.export', value: '' })))![1]!);
    clock.advance(61 * 60 * 1000);
    expect((await fetchToken(later)).status).toBe(404);
    expect((await fetchToken('not-a-token')).status).toBe(404);
    clock.current = new Date('2027-03-02T09:00:00Z');

    // A manager's own export holds only the manager's dossier.
    const theirs = tokenOf(/"url":"([^"]+)"/.exec(shown(await core.bot.action(manager.actor, { action: 'dossier.export', value: '' })))![1]!);
    const other = await (await fetchToken(theirs)).text();
    expect(other).not.toContain(SECRET);
    expect(other).not.toContain(GOAL);
  });

  it('speaks English in the dossier and its file', async () => {
    const en = await someone(db, core, { locale: 'en', name: 'Priya Ramdin' });
    await core.bot.text(en.actor, 'goal Learn to write clear letters');
    const view = shown(await core.bot.text(en.actor, 'my dossier'));
    expect(view).toContain('Only you can see this. Not your manager, not HR.');
    expect(view).toContain('Learn to write clear letters');
    const token = tokenOf(/"url":"([^"]+)"/.exec(shown(await core.bot.action(en.actor, { action: 'dossier.export', value: '' })))![1]!);
    const md = await (await fetchToken(token)).text();
    expect(md).toContain('# Talent dossier of Priya Ramdin');
    expect(md).toContain('## My goals');
    expect(md).toContain('You have not answered any questions yet.');
  });

  it('is erased with the person’s data, including a file waiting behind a link', async () => {
    const url = /"url":"([^"]+)"/.exec(shown(await core.bot.action(author.actor, { action: 'dossier.export', value: '' })))![1]!;
    await core.ctx.privacy.erase(author.person.id, clock.now());
    for (const count of [
      db.prisma.goal.count({ where: { personId: author.person.id } }),
      db.prisma.reflection.count({ where: { personId: author.person.id } }),
      db.prisma.promptDelivery.count({ where: { personId: author.person.id } }),
      db.prisma.download.count({ where: { personId: author.person.id } }),
    ]) {
      expect(await count).toBe(0);
    }
    expect((await fetchToken(tokenOf(url))).status).toBe(404);
  });
});
