import { openRepositories } from '../src/db/index.js';
import { respectsPause } from '../src/app.js';
/**
 * The bot's side of the broadcast benchmark, as a process of its own so that its memory is measured alone.
 * SENDERS=real runs the whole bot as `npm start` does (HTTP server, Slack and Teams channels, outbox, scheduler)
 * with its Slack and Teams settings pointed at the fakes; SENDERS=lean runs only the outbox with minimal HTTP
 * senders, to show what the engine does apart from the SDKs. Presses "send" on a prepared broadcast, exits when no
 * row waits any more, and prints one JSON line.
 */
import { coreSettings, createCore, type Core } from '../src/app.js';
import { PROGRESS_EVERY_MS } from '../src/core/broadcasts/broadcast-outbox.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { OutboxStore } from '../src/db/outbox/outbox-store.js';
import { OutboxWorker } from '../src/delivery/outbox-worker.js';
import { createLogger } from '../src/logger.js';
import { startVliegwiel } from '../src/runtime/start.js';
import { Ticker } from '../src/schedule/ticker.js';
import { leanSenders } from './lean-senders.js';

const env = (name: string) => process.env[name] ?? '';
const limited = env('LIMITS') === 'on';
// "Limits off": rates no bucket ever reaches.
const UNLIMITED = '1000000000';
const settings: Record<string, string> = {
  DATABASE_URL: env('DATABASE_URL'),
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'error',
  SLACK_BOT_TOKEN: 'xoxb-bench',
  SLACK_SIGNING_SECRET: 'bench-signing-secret',
  SLACK_API_URL: env('SLACK_URL'),
  // Teams without an app id: outbound calls carry no token, so nothing asks Microsoft for one.
  TEAMS_INSECURE_DEV: 'true',
  OUTBOX_WORKERS: env('CONCURRENCY') || '32',
  ...(limited
    ? {}
    : Object.fromEntries(
        ['SLACK_RATE_PER_SECOND', 'SLACK_CHANNEL_RATE_PER_SECOND', 'SLACK_EDIT_RATE_PER_SECOND', 'TEAMS_RATE_PER_SECOND', 'TEAMS_CONVERSATION_RATE_PER_SECOND'].map(
          (name) => [name, UNLIMITED],
        ),
      )),
};
const config = loadConfig(settings);
const logger = createLogger('error');

/** Only the outbox and the progress ticker, with the minimal senders. */
async function leanEngine(): Promise<{ db: Database; core: Core; stop(): Promise<void> }> {
  const db = await openDatabase({ url: config.databaseUrl! }, { poolSize: 6 });
  const base = coreSettings(config, 'http://127.0.0.1:3978');
  const core = createCore(openRepositories(db), limited ? base : { ...base, deliveryPace: {} }, logger);
  const o = config.outbox;
  const worker = new OutboxWorker(new OutboxStore(db.prisma), (row, a) => core.bot.compose(row.kind, row.payload, a), logger, undefined, {
    senders: leanSenders(env('SLACK_URL')),
    rates: { SLACK: o.slackRatePerSecond, TEAMS: o.teamsRatePerSecond },
    conversationRates: { SLACK: o.slackChannelRatePerSecond, TEAMS: o.teamsConversationRatePerSecond },
    editRates: { SLACK: o.slackEditRatePerSecond },
    concurrency: o.workers,
    respectsPause,
  });
  const ticker = new Ticker('progress', PROGRESS_EVERY_MS, () => core.broadcasts.tick(core.ctx.clock.now()), logger);
  worker.start();
  ticker.start();
  return {
    db,
    core,
    async stop() {
      await ticker.stop();
      await worker.stop();
      await db.close();
    },
  };
}

const bot = env('SENDERS') === 'lean' ? await leanEngine() : await startVliegwiel(config, logger);
const { db, core } = bot;
const author = (await core.ctx.people.findById(env('AUTHOR_ID')))!;
// Where the memory goes: the largest V8 heap and off-heap figures seen while sending.
const peak = { heapUsedMb: 0, heapTotalMb: 0, externalMb: 0, arrayBuffersMb: 0 };
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peak.heapUsedMb = Math.max(peak.heapUsedMb, m.heapUsed / 1048576);
  peak.heapTotalMb = Math.max(peak.heapTotalMb, m.heapTotal / 1048576);
  peak.externalMb = Math.max(peak.externalMb, m.external / 1048576);
  peak.arrayBuffersMb = Math.max(peak.arrayBuffersMb, m.arrayBuffers / 1048576);
}, 250);
const idleRssMb = process.memoryUsage().rss / 1048576;
const pressedAt = Date.now();
await core.bot.action({ person: author, platform: 'SLACK', locale: 'nl' }, { action: 'broadcast.send', value: env('BROADCAST_ID') });
const enqueuedAt = Date.now();
// "Is anything still waiting?" as an index probe: counting 100,000 rows every moment would load the database.
const waiting = () => db.prisma.outboxMessage.findFirst({ where: { broadcastId: env('BROADCAST_ID'), status: { in: ['PENDING', 'SENDING'] } }, select: { id: true } });
while (await waiting()) await new Promise((r) => setTimeout(r, 200));
const doneAt = Date.now();
clearInterval(sampler);
const rows = await db.prisma.outboxMessage.groupBy({ by: ['status'], where: { broadcastId: env('BROADCAST_ID') }, _count: true });
await bot.stop();
process.stdout.write(
  `${JSON.stringify({
    pressedAt,
    enqueuedAt,
    doneAt,
    idleRssMb,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    memory: Object.fromEntries(Object.entries(peak).map(([k, v]) => [k, Math.round(v)])),
    cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    rows: Object.fromEntries(rows.map((r) => [r.status, r._count])),
  })}\n`,
);
process.exit(0);
