import { openRepositories, PrismaChannelIdentities, PrismaProcessedEvents } from '../../../../src/db/index.js';
import { seedDemo } from '../../../../src/core/demo/seed-demo.js';
import { createCore, expiresAfter, respectsPause, type Core } from '../../../../src/app.js';
import { OutboxStore } from '../../../../src/db/outbox/outbox-store.js';
import { OutboxWorker } from '../../../../src/delivery/outbox-worker.js';
import { createSlackChannel, type SlackChannel } from '../../../../src/channels/slack/slack-channel.js';
import type { Database } from '../../../../src/db/database.js';
import { createLogger } from '../../../../src/logger.js';
import { HttpServer } from '../../../../src/server/http-server.js';
import { createMetrics } from '../../../../src/metrics.js';
import { testEmbedded } from '../../../support/db.js';
import { eventually, FakeSlack } from './fake-slack.js';
import { SECRET } from './slack-requests.js';
import { adminPorts } from '../../../../src/db/admin-store.js';

/** Demo people (seed/demo/people.csv) as Slack knows them; Kees speaks Dutch, Priya English. */
export const KEES = { id: 'U0652EPXGAK', name: 'Kees van Dalen', email: 'medewerker@demo.vliegwiel.nl', locale: 'nl-NL' };
export const PRIYA = { id: 'U04UL6G9SW4', name: 'Priya Ramdin', email: 'employee@demo.vliegwiel.nl', locale: 'en-GB' };
/** Someone not in any import; users.info gives an English locale and an e-mail nobody has. */
export const NEWCOMER = { id: 'UNEW00001', name: 'Nina Nieuw', email: 'nina@elders.example', locale: 'en-US' };

export interface Harness {
  fake: FakeSlack;
  db: Database;
  channel: SlackChannel;
  core: Core;
  /** POST /slack/events on the running server. */
  events: string;
  logs: Record<string, unknown>[];
  /** The outbox worker with the bot's real Slack sender (started on demand: until then no channel sends). */
  startWorker(concurrency?: number): OutboxWorker;
  close(): Promise<void>;
}

/**
 * The real stack without the process: the demo data in a fresh database on the embedded PostgreSQL, the core, the Slack channel (real Bolt)
 * on the project's HTTP server, and a fake Slack Web API started before Bolt is constructed.
 */
export async function startHarness(mode: 'http' | 'socket' = 'http'): Promise<Harness> {
  const fake = await new FakeSlack().start();
  for (const u of [KEES, PRIYA, NEWCOMER]) fake.addUser(u);
  const db = await testEmbedded();
  await seedDemo(adminPorts(db.prisma), { timezone: 'Europe/Amsterdam', now: new Date() });
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger('info', {}, (line) => logs.push(JSON.parse(line) as Record<string, unknown>));
  const metrics = createMetrics();
  const core = createCore(openRepositories(db), { timezone: 'Europe/Amsterdam', defaultLocale: 'nl', adminUsers: ['slack:UADMIN001'], publicUrl: 'http://127.0.0.1:3978' }, logger);
  const channel = createSlackChannel(
    { mode, botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: fake.apiUrl, ...(mode === 'socket' ? { appToken: 'xapp-test' } : {}) },
    { bot: core.bot, identities: new PrismaChannelIdentities(db.prisma), processedEvents: new PrismaProcessedEvents(db.prisma), logger, metrics },
    { defaultLocale: 'nl' },
  );
  const server = new HttpServer(logger, metrics);
  for (const r of channel.routes) server.mount(r);
  const port = await server.listen(0, '127.0.0.1');
  await channel.start();
  // start() looks the bot up (auth.test) in the background; let that settle so tests count only their own calls.
  await eventually(() => fake.callsTo('auth.test').length > 0);
  await new Promise((r) => setTimeout(r, 50));
  return {
    fake,
    db,
    channel,
    core,
    events: `http://127.0.0.1:${port}/slack/events`,
    logs,
    startWorker(concurrency = 2) {
      const worker = new OutboxWorker(new OutboxStore(db.prisma), (r, a) => core.bot.compose(r.kind, r.payload, a), createLogger('silent'), undefined, {
        senders: [channel.sender],
        rates: { SLACK: 100 },
        concurrency,
        respectsPause,
        expiresAfter,
        pollMs: 50,
      });
      worker.start();
      return worker;
    },
    async close() {
      await server.close();
      await channel.stop();
      await fake.stop();
      await db.close();
    },
  };
}
