import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src/core/demo/seed-demo.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { startVliegwiel, type Running } from '../../../src/runtime/start.js';
import { testPostgres } from '../../support/db.js';
import { eventually, FakeSlack } from './support/fake-slack.js';
import { KEES, PRIYA } from './support/harness.js';
import { dmEvent, eventCallback, FORM, JSON_TYPE, postSigned, SECRET, slashCommand } from './support/slack-requests.js';
import { adminPorts } from '../../../src/db/admin-store.js';

let fake: FakeSlack;
let db: Awaited<ReturnType<typeof testPostgres>>;
let bot: Running;
beforeAll(async () => {
  // The fake Web API runs before the bot starts (Bolt calls Slack as soon as it is constructed).
  fake = await new FakeSlack().start();
  fake.addUser(KEES);
  fake.addUser(PRIYA);
  db = await testPostgres();
  await seedDemo(adminPorts(db.prisma), { timezone: 'Europe/Amsterdam', now: new Date() });
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
});
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
  await db?.close();
});

describe('Slack in the running bot (PostgreSQL)', () => {
  it('serves POST /slack/events on the bot’s one port and registers the Slack sender', async () => {
    expect(bot.channels.map((c) => c.name)).toContain('slack');
    expect(bot.channels.find((c) => c.name === 'slack')!.sender.platform).toBe('SLACK');
    const res = await postSigned(`${bot.url}/slack/events`, slashCommand(PRIYA.id, 'help', fake.responseUrl('rt1')), FORM);
    expect(res.status).toBe(200);
    const answer = await eventually(() => fake.responses.find((r) => r.id === 'rt1'));
    expect(JSON.stringify(answer.body.blocks)).toContain('What can Vliegwiel do for you?');
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('processes a retried event once on PostgreSQL too', async () => {
    const body = eventCallback(dmEvent(KEES.id, 'help'), 'EvPGRETRY1');
    await postSigned(`${bot.url}/slack/events`, body, JSON_TYPE);
    // Only Kees's DM counts: the scheduler's start-up catch-up may send other people their weekly digest meanwhile.
    const toKees = () => fake.callsTo('chat.postMessage').filter((c) => JSON.stringify(c).includes('"text":"Wat kan Vliegwiel voor je doen?"'));
    await eventually(() => toKees().length === 1);
    const retry = await postSigned(`${bot.url}/slack/events`, body, JSON_TYPE, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' } });
    expect(retry.status).toBe(200);
    await new Promise((r) => setTimeout(r, 400));
    expect(toKees()).toHaveLength(1);
    expect(await db.prisma.processedEvent.count({ where: { eventId: 'EvPGRETRY1' } })).toBe(1);
  });

  it('rejects a forged request with 401', async () => {
    const res = await postSigned(`${bot.url}/slack/events`, slashCommand(KEES.id, 'help', fake.responseUrl('rt2')), FORM, { secret: 'guess' });
    expect(res.status).toBe(401);
  });
});
