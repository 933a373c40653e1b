import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FakeSlack } from '../test/channels/slack/support/fake-slack.js';
import { buttonsIn, click, dmEvent, eventCallback, FORM, JSON_TYPE, postSigned, SECRET } from '../test/channels/slack/support/slack-requests.js';
import { FakeConnector } from '../test/channels/teams/support/fake-connector.js';
import { aTeamsUser, invokeActivity, messageActivity, post, type TeamsUser } from '../test/channels/teams/support/activities.js';
import { ackFloor } from './ack-floor.js';
import { cli, databaseProcesses, pssMb, rssMb, startBot, type BotProcess } from './bot-process.js';
import { percentile } from './postgres.js';

export const PEOPLE = 200;
export const SEATS = 20;
const SLACK_TITLE = 'Leerweek: samenwerken in Slack';
const TEAMS_TITLE = 'Leerweek: samenwerken in Teams';

export interface Burst {
  ackMs: number[];
  answeredMs: number[];
  confirmed: number;
  waitlisted: number;
  /** People whose answer or stored place is not what it should be (order, duplicates, missing answers). */
  wrong: number;
  /** Copies of a click's notice posted as a new message (should be 0: one answer per click). */
  duplicates: number;
  /** p99 of the same requests against a process that answers at once (Slack only): the measurement's own share. */
  floorMs?: number;
}

const pad = (n: number) => String(n).padStart(4, '0');
const slackUser = (i: number) => `UBENCH${pad(i)}`;
const day = (offset: number, hour: number) => {
  const d = new Date(Date.now() + offset * 86_400_000);
  return `${d.toISOString().slice(0, 10)} ${String(hour).padStart(2, '0')}:00`;
};

/** 200 Slack and 200 Teams colleagues, and one workshop of 20 seats for each platform's rush. */
async function seed(dir: string, env: Record<string, string>, teams: TeamsUser[]) {
  const people = ['platform,platform_user_id,email,name,organization,department,education_level,role,locale,skills'];
  for (let i = 0; i < PEOPLE; i++) people.push(`slack,${slackUser(i)},slack${i}@bench.example,Collega ${i},Gemeente Bench,,,employee,nl,`);
  for (const [i, u] of teams.entries()) people.push(`teams,${u.aadObjectId},teams${i}@bench.example,Teamlid ${i},Gemeente Bench,,,employee,nl,`);
  const workshops = [
    'key,title,description,starts_at,ends_at,location,capacity,organization,tags',
    `bench-slack,${SLACK_TITLE},Een middag oefenen,${day(7, 13)},${day(7, 16)},Stadhuis,${SEATS},,`,
    `bench-teams,${TEAMS_TITLE},Een middag oefenen,${day(8, 13)},${day(8, 16)},Stadhuis,${SEATS},,`,
  ];
  await writeFile(path.join(dir, 'people.csv'), `${people.join('\n')}\n`);
  await writeFile(path.join(dir, 'workshops.csv'), `${workshops.join('\n')}\n`);
  cli(['import', 'people', path.join(dir, 'people.csv')], env);
  cli(['import', 'workshops', path.join(dir, 'workshops.csv')], env);
}

/** Runs `work` for each item, `concurrency` at a time. */
async function pool<T>(items: T[], concurrency: number, work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}

async function until<T>(check: () => T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`bench: ${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Exactness from the answers people got and from the attendance list the CLI exports. */
async function judge(told: Map<string, string>, emailOf: (who: string) => string, key: string, env: Record<string, string>, dir: string) {
  const out = path.join(dir, `${key}.csv`);
  cli(['export', 'signups', '--workshop', key, '--out', out], env);
  const rows = (await readFile(out, 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r\n/).slice(1).map((l) => l.split(';'));
  const stored = new Map(rows.map((r) => [r[4]!, { status: r[7]!, place: r[8] ? Number(r[8]) : null }]));
  const confirmed = rows.filter((r) => r[7] === 'aangemeld').length;
  const waitlisted = rows.filter((r) => r[7] === 'wachtlijst').length;
  let wrong = 0;
  const places = new Set<number>();
  for (const [who, text] of told) {
    const s = stored.get(emailOf(who));
    const place = /op plek (\d+)/.exec(text)?.[1];
    if (/Je bent aangemeld voor/.test(text)) {
      if (s?.status !== 'aangemeld') wrong++;
    } else if (place) {
      if (s?.status !== 'wachtlijst' || s.place !== Number(place) || places.has(Number(place))) wrong++;
      places.add(Number(place));
    } else wrong++;
  }
  wrong += PEOPLE - told.size;
  if (confirmed !== SEATS || waitlisted !== PEOPLE - SEATS) wrong = Math.max(wrong, 1);
  return { confirmed, waitlisted, wrong };
}

/** 200 people click "Aanmelden" in the list the bot sent them, all at once, with correctly signed requests. */
async function slackBurst(bot: BotProcess, fake: FakeSlack, env: Record<string, string>, dir: string): Promise<Burst> {
  const events = `${bot.url}/slack/events`;
  const users = Array.from({ length: PEOPLE }, (_, i) => slackUser(i));
  // Each person asks for the list first (as after HR's invite), so each clicks on a message of their own.
  await pool(users, 8, async (u) => {
    const res = await postSigned(events, eventCallback(dmEvent(u, 'workshops')), JSON_TYPE);
    if (res.status !== 200) throw new Error(`bench: DM answered ${res.status}`);
  });
  const lists = await until(() => {
    const byChannel = new Map(fake.callsTo('chat.postMessage').map((c) => [String(c.args.channel), c]));
    return users.every((u) => byChannel.has(`D${u}`)) ? byChannel : undefined;
  }, 'every workshop list');
  const ready = users.map((u) => {
    const list = lists.get(`D${u}`)!;
    const blocks = list.args.blocks as { block_id?: string; text?: { text?: string } }[];
    const item = blocks.find((b) => b.text?.text?.includes(SLACK_TITLE))?.block_id?.split('~')[1];
    const button = buttonsIn(blocks).find((b) => b.text.text === 'Aanmelden' && b.value?.includes(`"w":"${item}"`));
    if (!button) throw new Error('bench: no Aanmelden button for the workshop in the list');
    const ts = String(list.result?.ts);
    return { u, body: click(u, button, { kind: 'dm', channel: `D${u}`, ts }, blocks) };
  });
  const postsBefore = fake.callsTo('chat.postMessage').length;
  const sent = new Map<string, number>();
  const answered = new Map<string, number>();
  const told = new Map<string, string>();
  const answer = (channel: string, text: string) => {
    const u = channel.slice(1);
    if (!sent.has(u) || answered.has(u)) return undefined;
    answered.set(u, performance.now() - sent.get(u)!);
    told.set(u, text);
    return undefined;
  };
  fake.on('chat.update', (c) => answer(String(c.args.channel), String(c.args.text)));
  fake.on('chat.postMessage', (c) => answer(String(c.args.channel), String(c.args.text)));

  const ackMs: number[] = [];
  await Promise.all(
    ready.map(async ({ u, body }) => {
      const started = performance.now();
      sent.set(u, started);
      const res = await postSigned(events, body, FORM);
      await res.arrayBuffer();
      ackMs.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`bench: click acked with ${res.status}`);
    }),
  );
  await until(() => (answered.size === PEOPLE ? true : undefined), 'an answer to every click');
  // Anything the bot still posts after the answers (a copy of the notice) shows up here.
  await new Promise((r) => setTimeout(r, 500));
  const duplicates = fake.callsTo('chat.postMessage').slice(postsBefore).filter((c) => users.includes(String(c.args.channel).slice(1))).length;
  const verdict = await judge(told, (u) => `slack${Number(u.slice('UBENCH'.length))}@bench.example`, 'bench-slack', env, dir);
  const floorMs = await ackFloor(ready.map((r) => r.body));
  return { ackMs, answeredMs: [...answered.values()], duplicates, floorMs, ...verdict };
}

/** The Action.Execute value of the sign-up button in the card's item with this title. */
function signupValue(node: unknown, title: string): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const n = node as { type?: string; items?: unknown[]; verb?: string; data?: { value?: string } };
  if (n.type === 'Container' && JSON.stringify(n.items?.[0] ?? '').includes(title)) {
    const text = JSON.stringify(n.items);
    const m = /"verb":"workshop\.signup","data":\{"value":"((?:[^"\\]|\\.)*)"/.exec(text);
    return m ? (JSON.parse(`"${m[1]}"`) as string) : undefined;
  }
  for (const v of Object.values(node)) {
    const found = signupValue(v, title);
    if (found) return found;
  }
  return undefined;
}

/** 200 people press "Aanmelden" on their own Teams card at once: Action.Execute invokes, answered with the card. */
async function teamsBurst(bot: BotProcess, connector: FakeConnector, teams: TeamsUser[], env: Record<string, string>, dir: string): Promise<Burst> {
  await pool(teams, 8, async (u) => {
    const r = await post(bot.url, messageActivity(connector.serviceUrl, u, 'workshops'));
    if (r.status >= 300) throw new Error(`bench: Teams message answered ${r.status}`);
  });
  const cards = await until(() => {
    const byConversation = new Map(connector.activities().map((a) => [a.conversationId, a.activity]));
    return teams.every((u) => byConversation.has(u.conversationId)) ? byConversation : undefined;
  }, 'every workshops card');
  const clicks = teams.map((u) => {
    const value = signupValue(cards.get(u.conversationId), TEAMS_TITLE);
    if (!value) throw new Error('bench: no sign-up action for the Teams workshop in the card');
    return { u, activity: invokeActivity(connector.serviceUrl, u, 'workshop.signup', { value }) };
  });
  const ackMs: number[] = [];
  const told = new Map<string, string>();
  const postsBefore = connector.activities().length;
  await Promise.all(
    clicks.map(async ({ u, activity }) => {
      const started = performance.now();
      const r = await post(bot.url, activity);
      ackMs.push(performance.now() - started);
      const card = JSON.stringify((r.body as { value?: unknown } | undefined)?.value ?? '');
      told.set(u.aadObjectId, card);
    }),
  );
  const duplicates = connector.activities().length - postsBefore;
  const index = new Map(teams.map((u, i) => [u.aadObjectId, i]));
  const verdict = await judge(told, (id) => `teams${index.get(id)}@bench.example`, 'bench-teams', env, dir);
  return { ackMs, answeredMs: ackMs, duplicates, ...verdict };
}

export interface StartFigures {
  firstMs: number;
  laterMs: number;
  idleRssMb: number;
  databaseMb: number;
}

export interface ClickRun {
  slack: Burst;
  teams: Burst;
  start?: StartFigures;
}

/**
 * One database setting: the bot started as `npm start` starts it (dist/, the package's node flags), a fake Slack
 * Web API and a fake Bot Connector on 127.0.0.1, the people and workshops imported with the CLI, then the two
 * rushes. Requests are signed and sent from this process; the bot is its own process. With `dataDir` (the
 * embedded default) the first start in the empty directory and a later start are timed, and the bot's memory at
 * rest is taken before the rush.
 */
export async function clickRun(database: { DATABASE_URL: string } | { DATA_DIR: string }): Promise<ClickRun> {
  const fake = await new FakeSlack().start();
  const connector = await FakeConnector.start();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vw-bench-clicks-'));
  const teams = Array.from({ length: PEOPLE }, (_, i) => aTeamsUser({ name: `Teamlid ${i}`, tenantId: 'tenant-bench', locale: 'nl-NL', id: `29:bench-${randomUUID()}` }));
  const env: Record<string, string> = {
    ...database,
    PORT: '0',
    LOG_LEVEL: 'warn',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    TEAMS_INSECURE_DEV: 'true',
  };
  let bot: BotProcess | undefined;
  try {
    let start: StartFigures | undefined;
    bot = await startBot(env);
    if ('DATA_DIR' in database) {
      const firstMs = bot.startMs;
      const code = await bot.stop();
      if (code !== 0) throw new Error(`bench: the bot exited with ${code} on SIGTERM:\n${bot.stderr().slice(-2000)}`);
      bot = await startBot(env);
      // At rest: after start-up's own work (migrations checked, first timers) has settled.
      await new Promise((r) => setTimeout(r, 5000));
      const pid = bot.child.pid!;
      start = { firstMs, laterMs: bot.startMs, idleRssMb: rssMb(pid), databaseMb: pssMb(databaseProcesses(pid, database.DATA_DIR)) };
    }
    await seed(dir, env, teams);
    const slack = await slackBurst(bot, fake, env, dir);
    const teamsRun = await teamsBurst(bot, connector, teams, env, dir);
    return { slack, teams: teamsRun, ...(start ? { start } : {}) };
  } finally {
    const code = await bot?.stop();
    if (code !== undefined && code !== 0) process.stderr.write(`# the bot exited with ${code} after the bench:\n${bot!.stderr().slice(-2000)}\n`);
    await fake.stop();
    await connector.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

export const p99 = (values: number[]) => percentile(values, 99);
