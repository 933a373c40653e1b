import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideSignup } from '../../src/core/workshops/decide-signup.js';
import { aPerson, aWorkshop, testCore } from '../support/builders.js';
import { CookieClient, startConsoleBot, type ConsoleBot } from './support/console-bot.js';

describe('console learning weeks (whole bot, PostgreSQL)', () => {
  let bot: ConsoleBot;
  let hr: CookieClient;
  beforeAll(async () => {
    bot = await startConsoleBot();
    hr = (await bot.signedIn(['HR'], { name: 'Hanna HR' })).client;
  });
  afterAll(async () => bot?.stop());

  it('creates a week (every mistake named at once, typed values kept), puts workshops in it and lists its fill', async () => {
    let csrf = await hr.csrf('/beheer/weeks/new');
    const bad = await hr.post('/beheer/weeks/new', { csrf, name: '', key: 'Week 1!', starts: 'morgen', ends: '31-02-2030' });
    expect(bad.status).toBe(422);
    const text = await bad.text();
    expect(text).toContain('Naam: vul dit in');
    expect(text).toContain('Code: gebruik alleen kleine letters');
    expect(text).toContain('Eerste dag: ik snap “morgen” niet');
    expect(text).toContain('Laatste dag: ik snap “31-02-2030” niet');
    expect(text).toContain('value="Week 1!"');
    const reversed = await hr.post('/beheer/weeks/new', { csrf, name: 'Omgekeerd', starts: '19-04-2030', ends: '15-04-2030' });
    expect(await reversed.text()).toContain('De laatste dag ligt voor de eerste dag');

    const good = await hr.post('/beheer/weeks/new', { csrf, name: 'Meester in je Werk-week 2030', key: 'miw-2030', starts: '15-04-2030', ends: '2030-04-19' });
    expect(good.status).toBe(303);
    const week = await bot.db.prisma.learningWeek.findUniqueOrThrow({ where: { key: 'miw-2030' } });
    expect(week.startsOn.toISOString().slice(0, 10)).toBe('2030-04-15');
    expect(week.endsOn.toISOString().slice(0, 10)).toBe('2030-04-19');
    expect(await (await hr.get(good.headers.get('location')!)).text()).toContain('De leerweek is gemaakt');
    const taken = await hr.post('/beheer/weeks/new', { csrf, name: 'Nog een', key: 'miw-2030', starts: '15-04-2030', ends: '19-04-2030' });
    expect(await taken.text()).toContain('“miw-2030” is al in gebruik');

    // A new workshop in the week; one outside the week's days is refused with the reason, together with other mistakes.
    csrf = await hr.csrf('/beheer/workshops/new');
    // Only weeks that are not over yet are offered.
    const past = await bot.db.prisma.learningWeek.create({ data: { key: 'miw-2020', name: 'Oude week', startsOn: new Date('2020-04-13'), endsOn: new Date('2020-04-17') } });
    const newForm = await (await hr.get('/beheer/workshops/new')).text();
    expect(newForm).toContain(`<option value="${week.id}"`);
    expect(newForm).not.toContain(past.id);
    const outside = await hr.post('/beheer/workshops/new', { csrf, title: 'Te laat', starts: '22-04-2030 09:00', ends: '22-04-2030 10:00', capacity: '0', week: week.id });
    expect(outside.status).toBe(422);
    const outsideText = await outside.text();
    expect(outsideText).toContain('valt niet in Meester in je Werk-week 2030');
    expect(outsideText).toContain('Het aantal plekken');
    const created = await hr.post('/beheer/workshops/new', { csrf, title: 'Excel voor de buitendienst', starts: '16-04-2030 09:00', ends: '16-04-2030 12:00', capacity: '10', week: week.id });
    expect(created.status).toBe(303);
    const ws = await bot.db.prisma.workshop.findFirstOrThrow({ where: { title: 'Excel voor de buitendienst' } });
    expect(ws.learningWeekId).toBe(week.id);

    // An existing workshop is put in the week through its edit form; one seat, two people: one waits.
    const small = await aWorkshop(bot.db, { title: 'Veilig werken', capacity: 1, startsAt: new Date('2030-04-17T07:00:00Z'), endsAt: new Date('2030-04-17T09:00:00Z') });
    const edited = await hr.post(`/beheer/workshops/${small.id}/edit`, { csrf, title: 'Veilig werken', starts: '17-04-2030 09:00', ends: '17-04-2030 11:00', capacity: '1', week: week.id });
    expect(edited.status).toBe(303);
    expect((await bot.db.prisma.workshop.findUniqueOrThrow({ where: { id: small.id } })).learningWeekId).toBe(week.id);
    const editPage = await (await hr.get(`/beheer/workshops/${small.id}`)).text();
    expect(editPage).toContain(`<option value="${week.id}" selected>`);
    const core = testCore(bot.db);
    for (let i = 0; i < 2; i++) {
      const p = await aPerson(bot.db);
      await core.ctx.workshops.signUp({ workshopId: small.id, personId: p.id, organizationId: null, now: new Date('2027-03-01T09:00:00Z'), decide: decideSignup, onConfirmed: () => [] });
    }

    const list = await hr.get('/beheer/weeks');
    expect(list.status).toBe(200);
    const row = /<tr>\s*<td[^>]*><a href="\/beheer\/weeks\/[^"]+">Meester in je Werk-week 2030<\/a>[\s\S]*?<\/tr>/.exec(await list.text())?.[0] ?? '';
    expect(row).toContain('maandag 15 april 2030 tot en met vrijdag 19 april 2030');
    expect(row).toMatch(/Workshops"[^>]*>2</);
    expect(row).toContain('1 van 11');
    expect(row).toContain('9%');
    expect(row).toMatch(/Wachtlijst"[^>]*>1</);
    expect(row).toContain('href="/aanbod/week/miw-2030"');
    expect(row).toContain('href="/aanbod/week/miw-2030/poster.pdf"');

    // The week's own page lists its workshops with seats and waitlist.
    const weekPage = await (await hr.get(`/beheer/weeks/${week.id}`)).text();
    expect(weekPage).toContain(`href="/beheer/workshops/${small.id}">Veilig werken</a>`);
    expect(weekPage).toContain('Excel voor de buitendienst');
    expect(weekPage).toContain('1 van 1');

    // The links answer: the public page shows the week's workshops, the poster is a PDF.
    expect(await (await fetch(`${bot.running.url}/aanbod/week/miw-2030`)).text()).toContain('Excel voor de buitendienst');
    const poster = await fetch(`${bot.running.url}/aanbod/week/miw-2030/poster.pdf`);
    expect(poster.status).toBe(200);
    expect(poster.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(Buffer.from(await poster.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

    // Taking a workshop out of the week: an empty choice.
    await hr.post(`/beheer/workshops/${small.id}/edit`, { csrf, title: 'Veilig werken', starts: '17-04-2030 09:00', ends: '17-04-2030 11:00', capacity: '1', week: '' });
    expect((await bot.db.prisma.workshop.findUniqueOrThrow({ where: { id: small.id } })).learningWeekId).toBeNull();

    // Changing the week: its workshops must stay inside the days; the changes are in the audit log.
    const shrink = await hr.post(`/beheer/weeks/${week.id}`, { csrf, name: 'MIW 2030', key: 'miw-2030', starts: '17-04-2030', ends: '19-04-2030' });
    expect(shrink.status).toBe(422);
    const shrinkText = await shrink.text();
    expect(shrinkText).toContain('1 workshop van deze week valt dan buiten de nieuwe data');
    expect(shrinkText).toContain('value="17-04-2030"');
    const renamed = await hr.post(`/beheer/weeks/${week.id}`, { csrf, name: 'MIW 2030', key: 'miw-2030', starts: '14-04-2030', ends: '19-04-2030' });
    expect(renamed.status).toBe(303);
    expect((await bot.db.prisma.learningWeek.findUniqueOrThrow({ where: { id: week.id } })).name).toBe('MIW 2030');
    const actions = (await bot.db.prisma.auditLog.findMany({ where: { subject: week.id } })).map((a) => a.action).sort();
    expect(actions).toEqual(['learning_week.create', 'learning_week.edit']);
    expect(await (await hr.get('/beheer/audit?action=learning_week')).text()).toContain('learning_week.edit');
  });

  it('an unknown week is not found, and a manager is refused', async () => {
    expect((await hr.get('/beheer/weeks/not-a-uuid')).status).toBe(404);
    const m = (await bot.signedIn(['MANAGER'])).client;
    expect(await (await m.get('/beheer')).text()).not.toContain('/beheer/weeks');
    for (const path of ['/beheer/weeks', '/beheer/weeks/new']) expect((await m.get(path)).status, path).toBe(403);
    const csrf = await m.csrf('/beheer');
    expect((await m.post('/beheer/weeks/new', { csrf, name: 'Stiekem', starts: '15-04-2030', ends: '19-04-2030' })).status).toBe(403);
    expect(await bot.db.prisma.learningWeek.count({ where: { name: 'Stiekem' } })).toBe(0);
  });
});
