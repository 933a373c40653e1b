import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST_ACK_CONCURRENCY } from '../../../src/channels/slack/app.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { startVliegwiel, type Running } from '../../../src/runtime/start.js';
import { testPostgres } from '../../support/db.js';
import { eventually, FakeSlack, type Call } from './support/fake-slack.js';
import { buttonsIn, click, FORM, postSigned, SECRET, type ShownButton } from './support/slack-requests.js';

let fake: FakeSlack;
let db: Awaited<ReturnType<typeof testPostgres>>;
let bot: Running;
let events: string;

beforeAll(async () => {
  fake = await new FakeSlack().start();
  db = await testPostgres();
  const config = loadConfig({
    DATABASE_URL: db.url,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
  });
  bot = await startVliegwiel(config, createLogger('silent'));
  events = `${bot.url}/slack/events`;
  await eventually(() => fake.callsTo('auth.test').length > 0);
});
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  await db?.close();
});

async function aWorkshop(capacity: number) {
  const startsAt = new Date(Date.now() + 10 * 86_400_000);
  return db.prisma.workshop.create({
    data: { key: `rush-${randomUUID()}`, title: `Rush ${capacity}`, capacity, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), icsToken: randomUUID() },
  });
}

let people = 0;
/** A Slack user the bot has never seen, known to users.info. */
function aSlackUser() {
  const id = `URUSH${String(++people).padStart(4, '0')}`;
  fake.addUser({ id, name: `Collega ${people}`, locale: 'nl-NL' });
  return id;
}

const signupButton = (workshopId: string): ShownButton => ({
  action_id: 'workshop.signup',
  value: JSON.stringify({ q: '', o: 0, w: workshopId }),
  text: { text: 'Aanmelden' },
});

/** A click on a button of a message in the person's DM with the bot. */
const press = (user: string, button: ShownButton, blocks?: unknown) =>
  postSigned(events, click(user, button, { kind: 'dm', channel: `D${user}`, ts: '1800000000.000100' }, blocks), FORM);

const answersTo = (user: string, method: string): Call[] => fake.callsTo(method).filter((c) => c.args.channel === `D${user}`);

describe('the learning-week rush in Slack', () => {
  it('acknowledges a click before any Web API or database work: the ack is there while Slack has not answered yet', async () => {
    const w = await aWorkshop(20);
    const user = aSlackUser();
    const release = fake.hold('users.info');
    try {
      const res = await press(user, signupButton(w.id));
      expect(res.status).toBe(200);
      // Acknowledged, and nothing of the work behind it has happened yet.
      await eventually(() => fake.callsTo('users.info').some((c) => c.args.user === user));
      expect(await db.prisma.signup.count({ where: { workshopId: w.id } })).toBe(0);
      expect(answersTo(user, 'chat.update')).toEqual([]);
    } finally {
      release();
    }
    const answer = await eventually(() => answersTo(user, 'chat.update')[0]);
    expect(String(answer.args.text)).toMatch(/^Je bent aangemeld voor/);
    expect(await db.prisma.signup.count({ where: { workshopId: w.id, status: 'CONFIRMED' } })).toBe(1);
  });

  it('acks a burst at once while the work behind it runs a bounded number at a time, and answers every click once', async () => {
    const w = await aWorkshop(5);
    const users = Array.from({ length: 40 }, () => aSlackUser());
    const posts = fake.callsTo('chat.postMessage').length;
    const release = fake.hold('users.info');
    let acked: Response[];
    try {
      acked = await Promise.all(users.map((u) => press(u, signupButton(w.id))));
      await eventually(() => fake.callsTo('users.info').filter((c) => users.includes(String(c.args.user))).length >= POST_ACK_CONCURRENCY);
      await new Promise((r) => setTimeout(r, 200));
      // The rest waits its turn after its ack instead of all starting at once.
      expect(fake.callsTo('users.info').filter((c) => users.includes(String(c.args.user)))).toHaveLength(POST_ACK_CONCURRENCY);
    } finally {
      release();
    }
    expect(acked.map((r) => r.status)).toEqual(users.map(() => 200));
    const answers = await eventually(() => {
      const all = users.map((u) => answersTo(u, 'chat.update')[0]);
      return all.every(Boolean) ? (all as Call[]) : undefined;
    }, 15_000);
    const texts = answers.map((a) => String(a.args.text));
    expect(texts.filter((t) => t.startsWith('Je bent aangemeld voor'))).toHaveLength(5);
    const places = texts.map((t) => /op plek (\d+)/.exec(t)?.[1]).filter(Boolean).map(Number).sort((a, b) => a - b);
    expect(places).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
    // One answer per click: the clicked message shows the notice; it is not posted again as a message.
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.callsTo('chat.postMessage').slice(posts).filter((c) => users.includes(String(c.args.channel).slice(1)))).toEqual([]);
    expect(users.map((u) => answersTo(u, 'chat.update').length)).toEqual(users.map(() => 1));
  }, 30_000);

  it('still brings a waitlist promotion to the promoted person as a message of its own', async () => {
    const w = await aWorkshop(1);
    const [first, second] = [aSlackUser(), aSlackUser()];
    await press(first, signupButton(w.id));
    const seat = await eventually(() => answersTo(first, 'chat.update')[0]);
    await press(second, signupButton(w.id));
    const waiting = await eventually(() => answersTo(second, 'chat.update')[0]);
    expect(String(waiting.args.text)).toContain('op plek 1');

    const cancel = buttonsIn(seat.args.blocks).find((b) => b.text.text === 'Afmelden');
    expect(cancel).toBeDefined();
    await press(first, cancel!, seat.args.blocks);
    const cancelled = await eventually(() => answersTo(first, 'chat.update').find((c) => String(c.args.text).startsWith('Je bent afgemeld')));
    expect(cancelled).toBeDefined();
    // The outbox tells the person who moved up, in their DM: a new message, not an edit of anything.
    const promoted = await eventually(() => answersTo(second, 'chat.postMessage').find((c) => String(c.args.text).startsWith('Goed nieuws!')), 15_000);
    expect(String(promoted.args.text)).toContain(w.title);
    expect(answersTo(first, 'chat.postMessage')).toEqual([]);
    expect(await db.prisma.signup.findFirst({ where: { workshopId: w.id, status: 'CONFIRMED' }, include: { person: true } })).toMatchObject({
      person: { name: 'Collega ' + second.slice('URUSH'.length).replace(/^0+/, '') },
    });
  }, 30_000);
});
