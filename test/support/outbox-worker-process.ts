import { openRepositories } from '../../src/db/index.js';
import { respectsPause } from '../../src/app.js';
/**
 * One replica's outbox worker as a process of its own, for tests that kill it (SIGKILL) or stop it (SIGTERM).
 * Environment: DATABASE_URL, FAKE_URL (an HttpSender target), WORKER_ID, LEASE_MS, CONCURRENCY, PLATFORM.
 * Prints `ready <workerId>` once it is claiming.
 */
import { createCore } from '../../src/app.js';
import type { Platform } from '../../src/core/ports.js';
import { openDatabase } from '../../src/db/database.js';
import { OutboxStore } from '../../src/db/outbox/outbox-store.js';
import { OutboxWorker } from '../../src/delivery/outbox-worker.js';
import { createLogger } from '../../src/logger.js';
import { HttpSender } from './http-sender.js';

const env = (name: string, fallback?: string) => {
  const v = process.env[name] ?? fallback;
  if (v === undefined) throw new Error(`${name} is required`);
  return v;
};

const db = await openDatabase({ url: env('DATABASE_URL') }, { poolSize: 4 });
const logger = createLogger('warn');
const core = createCore(openRepositories(db), { timezone: 'Europe/Amsterdam', defaultLocale: 'nl', adminUsers: [], publicUrl: 'http://127.0.0.1' }, logger);
const platform = env('PLATFORM', 'SLACK') as Platform;
const worker = new OutboxWorker(new OutboxStore(db.prisma), (row, actor) => core.bot.compose(row.kind, row.payload, actor), logger, undefined, {
  senders: [new HttpSender(platform, env('FAKE_URL'))],
  rates: { [platform]: Infinity },
  concurrency: Number(env('CONCURRENCY', '4')),
  respectsPause,
  leaseMs: Number(env('LEASE_MS', '3000')),
  pollMs: 50,
  workerId: env('WORKER_ID'),
});
worker.start();
process.stdout.write(`ready ${worker.id}\n`);

process.on('SIGTERM', () => {
  void worker
    .stop()
    .then(() => db.close())
    .then(() => process.exit(0));
});
