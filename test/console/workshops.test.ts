import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aWorkshop } from '../support/builders.js';
import { CookieClient, startConsoleBot, type ConsoleBot } from './support/console-bot.js';

const multipart = (csrf: string, filename: string, content: string) => {
  const boundary = '----vw' + Math.random().toString(16).slice(2);
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return { body, type: `multipart/form-data; boundary=${boundary}` };
};

describe('console workshops (whole bot, PostgreSQL)', () => {
  let bot: ConsoleBot;
  let hr: CookieClient;
  beforeAll(async () => {
    bot = await startConsoleBot();
    hr = (await bot.signedIn(['HR'], { name: 'Hanna HR' })).client;
  });
  afterAll(async () => bot?.stop());

  it('creates a workshop that then shows in chat; mistakes are all named and what was typed is kept', async () => {
    const csrf = await hr.csrf('/beheer/workshops/new');
    const bad = await hr.post('/beheer/workshops/new', { csrf, title: 'Excel in de buitendienst', starts: '31-02-2030 9', ends: 'morgen', capacity: '0' });
    expect(bad.status).toBe(422);
    const text = await bad.text();
    expect(text).toContain('Begin: ik snap');
    expect(text).toContain('Einde: ik snap');
    expect(text).toContain('Het aantal plekken');
    expect(text).toContain('value="Excel in de buitendienst"');
    const good = await hr.post('/beheer/workshops/new', { csrf, title: 'Excel in de buitendienst', starts: '15-04-2030 09:00', ends: '2030-04-15T12:00', capacity: '12', location: 'Stadhuis' });
    expect(good.status).toBe(303);
    const detail = await hr.get(good.headers.get('location')!);
    expect(await detail.text()).toContain('Hij staat nu in de chat');
    const employee = await bot.person(['EMPLOYEE']);
    expect(await bot.say(employee.user, 'workshops excel')).toContain('Excel in de buitendienst');
  });

  it('imports a CSV whole, or shows every bad line', async () => {
    const csrf = await hr.csrf('/beheer/workshops/import');
    const header = 'key,title,description,starts_at,ends_at,location,capacity,organization,tags';
    const badFile = `${header}\nw1,Goed,,2030-05-01 09:00,2030-05-01 10:00,Zaal,10,,\nw2,,,gisteren,2030-05-01 10:00,Zaal,nul,,\nw3,Ook fout,,2030-05-01 09:00,2030-05-01 08:00,Zaal,5,,\n`;
    const m = multipart(csrf, 'w.csv', badFile);
    const res = await fetch(`${bot.running.url}/beheer/workshops/import`, { method: 'POST', headers: { cookie: hr.cookie, 'content-type': m.type }, body: m.body });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('Regel 3');
    expect(page).toContain('Regel 4');
    expect(await bot.db.prisma.workshop.count({ where: { key: 'w1' } })).toBe(0);
    const ok = multipart(csrf, 'w.csv', `${header}\nw1,Goed,,2030-05-01 09:00,2030-05-01 10:00,Zaal,10,,\n`);
    const done = await fetch(`${bot.running.url}/beheer/workshops/import`, { method: 'POST', redirect: 'manual', headers: { cookie: hr.cookie, 'content-type': ok.type }, body: ok.body });
    expect(done.status).toBe(303);
    expect(await (await hr.get(done.headers.get('location')!)).text()).toContain('1 nieuw');
  });

  it('edits, marks attendance, downloads the list and cancels through the same stores as chat', async () => {
    const w = await aWorkshop(bot.db, { title: 'Veilig werken', capacity: 5, startsAt: new Date('2030-06-01T08:00:00Z'), endsAt: new Date('2030-06-01T10:00:00Z') });
    const csrf = await hr.csrf(`/beheer/workshops/${w.id}`);
    const edited = await hr.post(`/beheer/workshops/${w.id}/edit`, { csrf, title: 'Veilig werken op hoogte', starts: '01-06-2030 10:00', ends: '01-06-2030 12:00', capacity: '8' });
    expect(edited.status).toBe(303);
    expect((await bot.db.prisma.workshop.findUnique({ where: { id: w.id } }))!.title).toBe('Veilig werken op hoogte');
    const csv = await hr.get(`/beheer/workshops/${w.id}/attendance.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    expect((await csv.text()).split('\r\n')[0]).toContain('workshop;titel');
    const cancelled = await hr.post(`/beheer/workshops/${w.id}/cancel`, { csrf });
    expect(cancelled.status).toBe(303);
    expect((await bot.db.prisma.workshop.findUnique({ where: { id: w.id } }))!.status).toBe('CANCELLED');
    expect((await hr.get('/beheer/workshops/not-a-uuid')).status).toBe(404);
  });

  it('a manager may not open workshops (403), an employee sees only the friendly page', async () => {
    const m = (await bot.signedIn(['MANAGER'])).client;
    expect((await m.get('/beheer')).status).toBe(200);
    expect((await m.get('/beheer/workshops')).status).toBe(403);
    // An employee with a link (made while they were a team leader) sees only the friendly refusal.
    const former = await bot.person(['MANAGER']);
    const link = await bot.linkFor(former.user);
    await bot.db.prisma.person.update({ where: { id: former.id }, data: { roles: ['EMPLOYEE'] } });
    const e = new CookieClient(bot.running.url);
    await e.get(link);
    const refused = await e.get('/beheer');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('HR en teamleiders');
    expect((await e.get('/beheer/workshops')).status).toBe(403);
  });
});
