import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { startVliegwiel, type Running } from '../../src/runtime/start.js';
import { FakeSlack } from '../channels/slack/support/fake-slack.js';
import { SECRET } from '../channels/slack/support/slack-requests.js';
import { consistencyProblems } from '../security/fuzz/invariants.js';
import { aWorkshop } from '../support/builders.js';
import { testPostgres } from '../support/db.js';
import { runEntry, stopped, waitForReady } from '../support/processes.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { clickSignup, health, signUpUntilDone, slackCrowd, terminateBackends, until, type Outcome } from './support.js';

const USERS = 300;
const SEATS = 120;

/**
 * Two replicas of the bot on one PostgreSQL (reached through a TCP proxy the test can cut): one in this
 * process, one a real `src/main.ts` process. Hundreds of people click "Aanmelden" at once over Slack's HTTP
 * endpoint while every database session is terminated; then the database becomes unreachable and comes back;
 * then a broadcast goes out and one replica is killed mid-send. Nobody restarts anything: the bot recovers by
 * itself, /healthz says what is true, every click is answered, and nothing is lost or counted twice.
 */
describe('load, a database restart, an outage and a killed replica', () => {
  let direct: Database & { url: string };
  let proxy: TcpProxy;
  let fake: FakeSlack;
  let a: Running;
  let b: ReturnType<typeof runEntry>;
  let bUrl: string;
  let users: string[];

  beforeAll(async () => {
    direct = await testPostgres(2);
    const server = new URL(inject('pgServerUrl'));
    proxy = await new TcpProxy(server.hostname, Number(server.port || 5432)).start();
    fake = await new FakeSlack().start();
    users = await slackCrowd(direct, USERS, 'ULOAD');
    await direct.prisma.$executeRawUnsafe(`
      WITH p AS (INSERT INTO "Person" (id, name, locale, roles, "updatedAt") VALUES (gen_random_uuid(), 'HR Load', 'nl', '{EMPLOYEE,HR}', now()) RETURNING id)
      INSERT INTO "ChannelIdentity" (id, platform, "tenantId", "userId", "personId") SELECT gen_random_uuid(), 'SLACK', 'T1', 'UHRLOAD', id FROM p`);
    const env = {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: proxy.through(direct.url),
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      SLACK_RATE_PER_SECOND: '40',
      SLACK_CHANNEL_RATE_PER_SECOND: '5',
      LOG_LEVEL: 'warn',
    };
    a = await startVliegwiel(loadConfig(env), createLogger('silent'));
    b = runEntry('src/main.ts', [], env);
    bUrl = await waitForReady(b);
  }, 120_000);

  afterAll(async () => {
    if (b && !stopped(b.child)) b.child.kill('SIGKILL');
    await a?.stop();
    await fake?.stop();
    await proxy?.stop();
    await direct?.close();
  });

  it('serves hundreds of simultaneous clicks while every database session is ended, without losing or doubling a seat', async () => {
    const w = await aWorkshop(direct, { capacity: SEATS, startsAt: new Date(Date.now() + 10 * 86_400_000) });
    const outcomes: Outcome[] = [];
    const crowd = Promise.all(users.map((u) => signUpUntilDone(fake, () => [a.url, bUrl], u, w.id, outcomes)));
    // Mid-run, as soon as a few dozen are through: to both replicas, PostgreSQL restarted.
    await until(async () => outcomes.length >= 60, 60_000, 'first answers');
    expect(await terminateBackends(direct.url)).toBeGreaterThan(0);
    await crowd;

    const signups = await direct.prisma.signup.groupBy({ by: ['status'], where: { workshopId: w.id }, _count: true });
    expect(Object.fromEntries(signups.map((s) => [s.status, s._count]))).toEqual({ CONFIRMED: SEATS, WAITLISTED: USERS - SEATS });
    expect((await direct.prisma.workshop.findUniqueOrThrow({ where: { id: w.id } })).confirmedCount).toBe(SEATS);
    expect(await consistencyProblems(direct)).toEqual([]);
    // Each confirmed seat has exactly one reminder queued (the day before): a retried click never queues a second.
    expect(await direct.prisma.outboxMessage.count({ where: { kind: 'workshop.reminder', payload: { path: ['workshopId'], equals: w.id } } })).toBe(SEATS);
  }, 180_000);

  it('says 503 while the database is unreachable, answers clicks with "try again later", and is itself again when it returns', async () => {
    const w = await aWorkshop(direct, { capacity: 500, startsAt: new Date(Date.now() + 12 * 86_400_000) });
    const some = users.slice(0, 40);
    await proxy.cut();
    await until(async () => (await health(a.url)) === 503 && (await health(bUrl)) === 503, 30_000, 'both replicas report 503');
    const during = await Promise.all(some.map((u, i) => clickSignup(fake, i % 2 ? a.url : bUrl, u, w.id)));
    expect(new Set(during)).toEqual(new Set(['try-again']));
    expect(await direct.prisma.signup.count({ where: { workshopId: w.id } })).toBe(0);

    await proxy.restore();
    await until(async () => (await health(a.url)) === 200 && (await health(bUrl)) === 200, 30_000, 'both replicas report 200');
    const after: Outcome[] = [];
    await Promise.all(some.map((u) => signUpUntilDone(fake, () => [a.url, bUrl], u, w.id, after)));
    expect(await direct.prisma.signup.count({ where: { workshopId: w.id, status: 'CONFIRMED' } })).toBe(some.length);
    expect(await consistencyProblems(direct)).toEqual([]);
  }, 180_000);

  it('delivers a broadcast to everyone when a replica is killed mid-send: its messages are taken over, none lost', async () => {
    const hr = await a.core.bot.actorFor({ platform: 'SLACK', tenantId: 'T1', userId: 'UHRLOAD' });
    const draft = await a.core.bot.action(hr, { action: 'broadcast.form', value: '', form: { title: 'Leerweek LOAD', text: 'Doe mee aan de leerweek.' } });
    const id = /"action":"broadcast\.send","value":"([0-9a-f-]{36})"/.exec(JSON.stringify(draft))?.[1];
    expect(id, JSON.stringify(draft).slice(0, 300)).toBeDefined();
    await a.core.bot.action(hr, { action: 'broadcast.send', value: id! });
    const rows = () => direct.prisma.outboxMessage.findMany({ where: { broadcastId: id!, kind: 'broadcast.message' }, include: { person: { include: { identities: true } } } });
    // Everyone in the region: the crowd and the HR adviser.
    expect((await rows()).length).toBe(USERS + 1);

    // Kill the other replica while it holds messages it has claimed.
    await until(async () => (await direct.prisma.outboxMessage.count({ where: { broadcastId: id!, status: 'SENDING', leasedBy: { not: a.outbox.id } } })) > 0, 60_000, 'replica b claims');
    b.child.kill('SIGKILL');
    await b.done;
    const orphans = await direct.prisma.outboxMessage.count({ where: { broadcastId: id!, status: 'SENDING', leasedBy: { not: a.outbox.id } } });

    // The survivor takes them over when their lease ends; nothing is left undelivered.
    await until(async () => (await direct.prisma.outboxMessage.count({ where: { broadcastId: id!, kind: 'broadcast.message', status: { not: 'SENT' } } })) === 0, 150_000, 'all sent');
    const sent = fake.callsTo('chat.postMessage').filter((c) => String(c.args.text).includes('Leerweek LOAD'));
    const perChannel = new Map<string, number>();
    for (const c of sent) perChannel.set(String(c.args.channel), (perChannel.get(String(c.args.channel)) ?? 0) + 1);
    for (const r of await rows()) expect(perChannel.get(`D${r.person!.identities[0]!.userId}`) ?? 0, r.idempotencyKey).toBeGreaterThanOrEqual(1);
    // A second copy only where the killed replica may have sent before it could record it. (The author's own DM
    // also gets the progress notes, which name the broadcast: it is left out of this count.)
    const copies = [...perChannel].filter(([channel]) => channel.startsWith('DULOAD')).reduce((n, [, v]) => n + v - 1, 0);
    expect(copies).toBeLessThanOrEqual(orphans);
    expect(await health(a.url)).toBe(200);
  }, 240_000);
});
