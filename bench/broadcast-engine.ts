/**
 * The bot's side of the broadcast benchmark, as a process of its own so that its memory is measured alone:
 * presses "send" on a prepared broadcast, runs the outbox worker and the progress ticker with the project's own
 * Slack and Teams senders against the fakes, and exits when no row waits any more, printing one JSON line.
 */
import { coreSettings, createCore } from '../src/app.js';
import { PROGRESS_EVERY_MS } from '../src/core/broadcasts/broadcast-outbox.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { OutboxStore } from '../src/delivery/outbox-store.js';
import { OutboxWorker } from '../src/delivery/outbox-worker.js';
import { createLogger } from '../src/logger.js';
import { Ticker } from '../src/schedule/ticker.js';
import { leanSenders } from './lean-senders.js';
import { platformSenders } from './senders.js';

const env = (name: string) => process.env[name] ?? '';
const limited = env('LIMITS') === 'on';
const config = loadConfig({ OUTBOX_WORKERS: env('CONCURRENCY') || '32' });
const db = await openDatabase({ url: env('DATABASE_URL') }, { poolSize: 6 });
const logger = createLogger('error');
const settings = coreSettings(config, 'http://127.0.0.1:3978');
const core = createCore(db, limited ? settings : { ...settings, deliveryPace: {} }, logger);
const o = config.outbox;
const worker = new OutboxWorker(db.prisma, new OutboxStore(db.prisma), (row, a) => core.bot.compose(row.kind, row.payload, a), logger, undefined, {
  senders: env('SENDERS') === 'lean' ? leanSenders(env('SLACK_URL')) : await platformSenders(env('SLACK_URL'), logger),
  rates: limited ? { SLACK: o.slackRatePerSecond, TEAMS: o.teamsRatePerSecond } : { SLACK: Infinity, TEAMS: Infinity },
  conversationRates: limited ? { SLACK: o.slackChannelRatePerSecond, TEAMS: o.teamsConversationRatePerSecond } : {},
  editRates: limited ? { SLACK: o.slackEditRatePerSecond } : {},
  concurrency: o.workers,
});
const ticker = new Ticker('progress', PROGRESS_EVERY_MS, () => core.bot.broadcasts.tick(core.ctx.clock.now()), logger);

const author = (await core.ctx.people.findById(env('AUTHOR_ID')))!;
worker.start();
ticker.start();
const pressedAt = Date.now();
await core.bot.action({ person: author, platform: 'SLACK', locale: 'nl' }, { action: 'broadcast.send', value: env('BROADCAST_ID') });
const enqueuedAt = Date.now();
// "Is anything still waiting?" as an index probe: counting 100,000 rows every moment would load the database.
const waiting = () => db.prisma.outboxMessage.findFirst({ where: { broadcastId: env('BROADCAST_ID'), status: { in: ['PENDING', 'SENDING'] } }, select: { id: true } });
while (await waiting()) await new Promise((r) => setTimeout(r, 200));
const doneAt = Date.now();
await ticker.stop();
await worker.stop();
const rows = await db.prisma.outboxMessage.groupBy({ by: ['status'], where: { broadcastId: env('BROADCAST_ID') }, _count: true });
await db.close();
process.stdout.write(
  `${JSON.stringify({
    pressedAt,
    enqueuedAt,
    doneAt,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    rows: Object.fromEntries(rows.map((r) => [r.status, r._count])),
  })}\n`,
);
process.exit(0);
