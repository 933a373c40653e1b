import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieClient, startConsoleBot, type ConsoleBot } from './support/console-bot.js';

/** Signs in through the one-time link from chat, as the browser would. */
async function signedIn(bot: ConsoleBot, user: Parameters<ConsoleBot['linkFor']>[0]) {
  const client = new CookieClient(bot.running.url);
  await client.get(await bot.linkFor(user));
  return client;
}

describe('broadcast pages over HTTP: four eyes, progress JSON, recall, failures download (Teams stack, PostgreSQL)', () => {
  let bot: ConsoleBot;
  beforeAll(async () => {
    bot = await startConsoleBot(() => ({ BROADCAST_APPROVAL: 'true' }));
  }, 60_000);
  afterAll(async () => bot?.stop());

  it('the author asks, cannot approve their own, a colleague approves; progress reaches 100 %; recall needs the box ticked', async () => {
    const author = await bot.person(['HR'], { name: 'Anna Auteur' });
    const colleague = await bot.person(['HR'], { name: 'Karel Collega' });
    const swimmer = await bot.person(['EMPLOYEE'], { name: 'Zwemmer', department: 'Zwembad' });
    await bot.say(swimmer.user, 'hallo');
    // Imported, never talked to the bot: counted, and listed as failed with the reason.
    await bot.db.prisma.person.create({ data: { name: 'Stil Zwemmer', department: 'Zwembad' } });
    const a = await signedIn(bot, author.user);
    const csrfA = await a.csrf('/beheer/broadcasts/new');

    const counted = await a.post('/beheer/broadcasts/count', { csrf: csrfA, departments: 'zwembad' });
    expect(await counted.json()).toMatchObject({ ok: true, count: { recipients: 2, unreachable: 1 } });

    const bad = await a.post('/beheer/broadcasts/new', { csrf: csrfA, intent: 'save', title: '', text: '', teams: 'niemand@example.org' });
    expect(bad.status).toBe(422);
    const badPage = await bad.text();
    // Every mistake at once, and what was typed stays.
    expect(badPage.match(/<li>/g)?.length).toBeGreaterThanOrEqual(3);
    expect(badPage).toContain('value="niemand@example.org"');

    const saved = await a.post('/beheer/broadcasts/new', { csrf: csrfA, intent: 'save', title: 'Zwembad dicht', text: 'Het zwembad is maandag dicht.', departments: 'zwembad' });
    expect(saved.status).toBe(303);
    const path = saved.headers.get('location')!;
    const id = path.split('/').pop()!;
    const draft = await (await a.get(path)).text();
    expect(draft).toContain('2 mensen krijgen dit bericht');
    expect(draft).toContain('Van hen is er 1 niet in de chat te bereiken');
    expect(draft).toContain('pv--slack');
    expect(draft).toContain('pv--teams');
    expect(draft).not.toContain('value="send"');

    expect((await a.post(`${path}/action`, { csrf: csrfA, action: 'ask' })).status).toBe(200);
    await a.post(`${path}/action`, { csrf: csrfA, action: 'approve' });
    expect((await bot.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).status).toBe('PENDING_APPROVAL');

    const k = await signedIn(bot, colleague.user);
    const csrfK = await k.csrf(path);
    expect((await k.post(`${path}/action`, { csrf: csrfK, action: 'approve' })).status).toBe(200);
    await expect
      .poll(async () => (await (await k.get(`${path}/progress.json`)).json()) as { percent: number }, { timeout: 20_000 })
      .toMatchObject({ percent: 100 });
    const approved = await bot.db.prisma.broadcast.findUniqueOrThrow({ where: { id } });
    expect(approved.approvedById).toBe(colleague.id);
    const results = await (await k.get(path)).text();
    expect(results).toContain('niet bereikbaar in de chat: 1');
    expect(results).toContain(`${path}/failures.csv`);

    expect((await k.post(`${path}/action`, { csrf: csrfK, action: 'recall' })).status).toBe(422);
    expect((await k.post(`${path}/action`, { csrf: csrfK, action: 'recall', confirmed: '1' })).status).toBe(200);
    expect((await bot.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).status).toBe('RECALLED');

    const csv = await k.get(`${path}/failures.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('Stil Zwemmer');
  }, 90_000);

  it('a manager gets neither the pages nor the JSON nor the download', async () => {
    const manager = await bot.person(['MANAGER']);
    const m = await signedIn(bot, manager.user);
    const b = await bot.db.prisma.broadcast.findFirstOrThrow();
    for (const p of ['/beheer/broadcasts', `/beheer/broadcasts/${b.id}`, `/beheer/broadcasts/${b.id}/progress.json`, `/beheer/broadcasts/${b.id}/failures.csv`]) {
      expect((await m.get(p)).status, p).toBe(403);
    }
  }, 30_000);
});
