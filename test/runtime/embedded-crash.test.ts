import { readFileSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues } from '../../src/app.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { readPostmaster } from '../../src/db/embedded/postmaster.js';
import { FakeSlack } from '../channels/slack/support/fake-slack.js';
import { click, FORM, postSigned, SECRET } from '../channels/slack/support/slack-requests.js';
import { slackCrowd } from '../faults/support.js';
import { consistencyProblems } from '../security/fuzz/invariants.js';
import { aWorkshop } from '../support/builders.js';
import { tempDataDir } from '../support/embedded-postgres.js';
import { runEntry, stopped, waitForReady } from '../support/processes.js';

const PEOPLE = 120;
const SEATS = 20;
const DONE = (['workshops.signed_up', 'workshops.waitlisted'] as const).map((k) => catalogues.nl[k].split(/[{“]/)[0]!.trim());

/** The processes of this machine whose parent is `pid` (Linux): a postmaster's backends and helpers. */
const childrenOf = (pid: number) =>
  readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((d) => {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
    } catch {
      return false;
    }
  }).map(Number);

/** Running: there, and not a zombie (an ended process its parent has not collected yet). */
const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] !== 'Z';
  } catch {
    return false;
  }
};

/**
 * The bot on its embedded PostgreSQL, killed with SIGKILL in the middle of a burst of signed Slack clicks and
 * started again: what people were told is stored, once; then its server too is killed, and nothing is lost.
 */
describe('the embedded database survives kill -9 of the bot', () => {
  let dataDir: string;
  let fake: FakeSlack;
  let env: Record<string, string>;
  const bots: ReturnType<typeof runEntry>[] = [];

  beforeAll(async () => {
    dataDir = await tempDataDir('vw-crash-');
    fake = await new FakeSlack().start();
    env = { DATA_DIR: dataDir, PORT: '0', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, LOG_LEVEL: 'info' };
  });
  afterAll(async () => {
    for (const b of bots) if (!stopped(b.child)) b.child.kill('SIGTERM');
    await Promise.all(bots.map((b) => b.done));
    await fake?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    const bot = runEntry('src/main.ts', [], env);
    bots.push(bot);
    return { bot, url: await waitForReady(bot) };
  };
  /** The bot's own server, as the CLI reaches it while the bot runs. */
  const guest = () => openDatabase({ dataDir, as: 'cli' }, { poolSize: 2 });

  it('keeps every sign-up people were told about, exactly once, and takes over the server left running', async () => {
    const first = await start();
    let db: Database = await guest();
    const users = await slackCrowd(db, PEOPLE, 'UCRASH');
    const w = await aWorkshop(db, { capacity: SEATS, startsAt: new Date(Date.now() + 10 * 86_400_000) });
    await db.close();

    const told = new Set<string>();
    let killed = false;
    const clickOnce = async (user: string, n: number) => {
      const id = `crash-${n}`;
      const button = { action_id: 'workshop.signup', value: JSON.stringify({ w: w.id, q: '', o: 0 }), text: { text: 'Aanmelden' } };
      try {
        await postSigned(`${first.url}/slack/events`, click(user, button, { kind: 'ephemeral', channel: 'C0CRASH', responseUrl: fake.responseUrl(id) }), FORM);
      } catch {
        return; // the bot was gone before it answered
      }
      for (const until = Date.now() + 30_000; Date.now() < until && !(killed && Date.now() > killedAt + 2000);) {
        const texts = fake.responses.filter((r) => r.id === id).map((r) => String(r.body.text ?? ''));
        if (texts.some((t) => DONE.some((d) => t.startsWith(d)))) return void told.add(user);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    let killedAt = 0;
    const burst = Promise.all(users.map((u, i) => clickOnce(u, i)));
    for (const until = Date.now() + 60_000; told.size < 30 && Date.now() < until;) await new Promise((r) => setTimeout(r, 10));
    expect(told.size).toBeGreaterThanOrEqual(30);
    first.bot.child.kill('SIGKILL');
    killed = true;
    killedAt = Date.now();
    await first.bot.done;
    await burst;
    const toldBeforeRestart = new Set(told);
    // Its PostgreSQL server is still running on its own.
    const orphan = await readPostmaster(path.join(dataDir, 'postgres', 'data'));
    expect(orphan && alive(orphan.pid)).toBe(true);

    const second = await start();
    expect(second.bot.output().stderr).toContain('"msg":"embedded postgres taken over"');
    db = await guest();
    const rows = await db.prisma.signup.findMany({ where: { workshopId: w.id }, include: { person: { include: { identities: true } } } });
    const perUser = new Map<string, number>();
    for (const r of rows) for (const i of r.person?.identities ?? []) perUser.set(i.userId, (perUser.get(i.userId) ?? 0) + 1);
    for (const u of toldBeforeRestart) expect(perUser.get(u), u).toBe(1);
    expect([...perUser.values()].every((n) => n === 1)).toBe(true);
    expect(await consistencyProblems(db)).toEqual([]);
    expect((await db.prisma.workshop.findUniqueOrThrow({ where: { id: w.id } })).confirmedCount).toBe(Math.min(SEATS, rows.length));
    const before = rows.length;
    await db.close();

    // Now the server dies as well (kill -9 of the bot and of its postmaster): the next start recovers it.
    const pm = (await readPostmaster(path.join(dataDir, 'postgres', 'data')))!;
    second.bot.child.kill('SIGKILL');
    await second.bot.done;
    process.kill(pm.pid, 'SIGKILL');
    const third = await start();
    expect(third.bot.output().stderr).toContain('"msg":"embedded postgres started"');
    db = await guest();
    expect(await db.prisma.signup.count({ where: { workshopId: w.id } })).toBe(before);
    expect(await consistencyProblems(db)).toEqual([]);
    await db.close();

    // SIGTERM: the bot stops, then its server; no PostgreSQL process is left.
    const running = (await readPostmaster(path.join(dataDir, 'postgres', 'data')))!;
    const helpers = childrenOf(running.pid);
    expect(helpers.length).toBeGreaterThan(0);
    third.bot.child.kill('SIGTERM');
    expect((await third.bot.done).code).toBe(0);
    expect(alive(running.pid)).toBe(false);
    expect(helpers.filter(alive)).toEqual([]);
    expect(await readPostmaster(path.join(dataDir, 'postgres', 'data'))).toBeUndefined();
  }, 240_000);
});
