import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/core/demo/seed-demo.js';
import type { SlackChannel } from '../../src/channels/slack/slack-channel.js';
import { createLogger, loggableError } from '../../src/logger.js';
import { eventually, FakeSlack } from '../channels/slack/support/fake-slack.js';
import { KEES, PRIYA } from '../channels/slack/support/harness.js';
import { buttonsIn, click, dmEvent, eventCallback, FORM, JSON_TYPE, postSigned, SECRET, slashCommand } from '../channels/slack/support/slack-requests.js';
import { aTeamsUser, installActivity, invokeActivity, messageActivity } from '../channels/teams/support/activities.js';
import { buttonNamed, cardsOf } from '../channels/teams/support/cards.js';
import { startTeamsBot, type TeamsBot } from '../channels/teams/support/harness.js';
import { adminPorts } from '../../src/db/admin-store.js';

const SECRET_GOAL = 'Ik wil minder piekeren over mijn burn-out';
const SECRET_ANSWER = 'Mijn leidinggevende snapt er niets van';
const TEAMS_NAME = 'Fenna Oudshoorn-Bakker';

/**
 * One representative run of the whole bot (Slack and Teams, the outbox worker, the scheduler) with logging at
 * debug, then every line searched for what identifies people: names, e-mail addresses, what they typed. Only
 * ids may be logged (README "Logs"); this is the proof for the works council.
 */
describe('logs hold ids, never names, e-mail addresses or message text', () => {
  let slack: FakeSlack;
  let bot: TeamsBot;
  beforeAll(async () => {
    slack = await new FakeSlack().start();
    for (const u of [KEES, PRIYA]) slack.addUser(u);
    bot = await startTeamsBot(() => ({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, ADMIN_USERS: `slack:${PRIYA.id}` }));
    await seedDemo(adminPorts(bot.db.prisma), { timezone: 'Europe/Amsterdam', now: new Date() });
  });
  afterAll(async () => {
    await bot?.stop();
    await slack?.stop();
  });

  it('after DMs, clicks, forms, errors, a data export and a broadcast, no log line names anyone', async () => {
    const events = `${bot.running.url}/slack/events`;
    const slackChannel = bot.running.channels.find((c) => c.name === 'slack') as SlackChannel;
    const say = async (user: string, text: string) => {
      const before = slack.callsTo('chat.postMessage').length;
      expect((await postSigned(events, eventCallback(dmEvent(user, text)), JSON_TYPE)).status).toBe(200);
      await slackChannel.idle();
      return eventually(() => slack.callsTo('chat.postMessage')[before], 10_000);
    };
    const press = async (user: string, label: string, blocks: unknown) => {
      const button = buttonsIn(blocks).find((b) => b.text.text === label)!;
      expect(button, label).toBeDefined();
      await postSigned(events, click(user, button, { kind: 'dm', channel: `D${user}`, ts: '1.1' }), FORM);
      await slackChannel.idle();
    };
    await press(KEES.id, 'Aanmelden', (await say(KEES.id, 'workshops')).args.blocks);
    await say(KEES.id, `doel ${SECRET_GOAL}`);
    await say(KEES.id, 'reflectie');
    await say(KEES.id, SECRET_ANSWER);
    await press(KEES.id, 'Download alles', (await say(KEES.id, 'mijn gegevens')).args.blocks);
    await postSigned(events, slashCommand(KEES.id, `workshops ${SECRET_GOAL}`, slack.responseUrl('c1')), FORM);
    // Refused and broken requests are logged too: with a reason, not with what they carried.
    await postSigned(events, eventCallback(dmEvent(KEES.id, SECRET_ANSWER)), JSON_TYPE, { secret: 'wrong' });
    await postSigned(events, `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', event: SECRET_ANSWER }))}`, FORM);
    // Teams: install, a message, a click.
    const user = aTeamsUser({ name: TEAMS_NAME });
    bot.fake.roster.set(user.id, { id: user.id, name: TEAMS_NAME, aadObjectId: user.aadObjectId, email: 'fenna@teams.example' });
    await bot.post(installActivity(bot.fake.serviceUrl, user));
    await bot.post(messageActivity(bot.fake.serviceUrl, user, `doel ${SECRET_ANSWER}`));
    await bot.post(messageActivity(bot.fake.serviceUrl, user, 'workshops'));
    const card = cardsOf(bot.fake.activities().at(-1)!.activity)[0]!;
    const signup = buttonNamed(card, 'Aanmelden');
    await bot.post(invokeActivity(bot.fake.serviceUrl, user, signup.verb, signup.data));
    // HR (Priya, an admin) broadcasts to everyone: the outbox worker delivers through Slack and Teams.
    const composed = await say(PRIYA.id, 'broadcast');
    expect(JSON.stringify(composed.args.blocks)).toContain('form.open');
    const hr = await bot.running.core.bot.actorFor({ platform: 'SLACK', tenantId: 'T1', userId: PRIYA.id });
    const draft = await bot.running.core.bot.action(hr, { action: 'broadcast.form', value: '', form: { title: 'Leerweek', text: `Hallo ${TEAMS_NAME}` } });
    const id = JSON.stringify(draft).match(/"action":"broadcast.send","value":"([0-9a-f-]{36})"/)?.[1];
    await bot.running.core.bot.action(hr, { action: 'broadcast.send', value: id! });
    await eventually(() => slack.callsTo('chat.postMessage').some((c) => String(c.args.text).includes('Leerweek')), 30_000);
    await slackChannel.idle();

    const people = await bot.db.prisma.person.findMany({ select: { name: true, email: true } });
    const personal = [
      ...people.flatMap((p) => [p.name, p.email]).filter((v): v is string => !!v && v.length >= 6),
      SECRET_GOAL,
      SECRET_ANSWER,
      TEAMS_NAME,
      'fenna@teams.example',
    ];
    expect(personal.length).toBeGreaterThan(30);
    const lines = bot.logs.map((l) => JSON.stringify(l));
    expect(lines.length).toBeGreaterThan(5);
    const leaks = personal.flatMap((p) => lines.filter((l) => l.includes(p)).map((l) => `${p}: ${l.slice(0, 300)}`));
    expect(leaks.slice(0, 5)).toEqual([]);
  }, 90_000);

  it('logs a database error without the values of the query that failed', async () => {
    const lines: string[] = [];
    const logger = createLogger('debug', {}, (l) => void lines.push(l));
    const err = await bot.db.prisma.person.create({ data: { name: 'Joke Zwartjes', email: 'joke\u0000@x.example' } }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect(String((err as Error).message)).toContain('invocation');
    logger.error('request failed', { err });
    expect(lines.join('')).not.toContain('Joke');
    expect(lines.join('')).not.toContain('x.example');
    expect(JSON.parse(lines[0]!).err).toMatchObject({ name: (err as Error).name, stack: expect.stringContaining('    at ') });
    // What a driver quotes is blanked too; the shape of the problem stays readable.
    expect(loggableError(new Error('invalid input syntax for type uuid: "geheim"')).message).toBe('invalid input syntax for type uuid: "…"');
  });
});
