import type { Config } from '../config.js';
import { coreSettings, createCore, type Core, expiresAfter, respectsPause } from '../app.js';
import { createChannels } from '../channels/index.js';
import type { Channel } from '../channels/channel.js';
import type { Logger } from '../core/ports.js';
import {
  OutboxStore,
  openDatabase,
  openRepositories,
  PrismaChannelIdentities,
  PrismaChartStore,
  PrismaFireClaims,
  PrismaProcessedEvents,
  type Database,
} from '../db/index.js';
import { aanbodRoutes } from '../server/aanbod-routes.js';
import { broadcastRoutes } from '../server/broadcast-routes.js';
import { calendarRoutes } from '../server/calendar-routes.js';
import { chartRoutes } from '../server/chart-routes.js';
import { downloadRoutes } from '../server/download-routes.js';
import { healthRoutes } from '../server/health-routes.js';
import { HttpServer } from '../server/http-server.js';
import { consoleRoutes } from '../server/console/console-routes.js';
import { consolePages } from '../server/console/pages/index.js';
import { consoleServices } from './console-deps.js';
import { createMetrics } from '../metrics.js';
import { OutboxWorker } from '../delivery/outbox-worker.js';
import { createJobs } from './jobs.js';
import { directoryConnections } from './directory-deps.js';
import { Scheduler } from '../schedule/scheduler.js';
import { Ticker } from '../schedule/ticker.js';
import { PROGRESS_EVERY_MS } from '../core/broadcasts/broadcast-outbox.js';

// Operator-fixable problems of the embedded server (busy, an old PGlite DATA_DIR): main.ts prints their message.
export { EmbeddedDatabaseError } from '../db/index.js';

export interface Running {
  port: number;
  url: string;
  db: Database;
  core: Core;
  channels: Channel[];
  outbox: OutboxWorker;
  scheduler: Scheduler;
  stop(): Promise<void>;
}

/** Opens the database (migrating it), wires core and channels, and serves HTTP. */
export async function startVliegwiel(config: Config, logger: Logger): Promise<Running> {
  // Which runtime this is, for whoever checks what the service runs on (Node 24 LTS, see README).
  logger.info('starting', { runtime: `node ${process.version}`, platform: `${process.platform}-${process.arch}` });
  let db: Database | undefined;
  try {
    db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir, as: 'bot' }, {
      log: (msg, fields) => logger.info(msg, fields),
    });
    const applied = await db.migrate();
    if (applied.length) logger.info('migrations applied', { migrations: applied });

    const metrics = createMetrics();
    const server = new HttpServer(logger, metrics);
    const publicUrl = config.publicUrl?.replace(/\/$/, '') ?? `http://127.0.0.1:${config.port}`;
    const core = createCore(openRepositories(db), coreSettings(config, publicUrl), logger);
    const channels = await createChannels(config, {
      bot: core.bot,
      identities: new PrismaChannelIdentities(db.prisma),
      processedEvents: new PrismaProcessedEvents(db.prisma),
      logger,
      metrics,
    });
    for (const r of healthRoutes(db, metrics)) server.mount(r);
    for (const r of calendarRoutes(core.ctx)) server.mount(r);
    for (const r of broadcastRoutes(core)) server.mount(r);
    for (const r of downloadRoutes(core.ctx)) server.mount(r);
    for (const r of aanbodRoutes(core.outreach)) server.mount(r);
    for (const r of chartRoutes(new PrismaChartStore(db.prisma), core.ctx.clock)) server.mount(r);
    for (const c of channels) for (const r of c.routes) server.mount(r);
    const consoleDeps = consoleServices(core, db, config);
    for (const r of consoleRoutes(consoleDeps, consolePages, { publicUrl: () => core.ctx.settings.publicUrl })) server.mount(r);

    const port = await server.listen(config.port, config.host);
    if (!config.publicUrl) core.ctx.settings.publicUrl = `http://127.0.0.1:${port}`;
    for (const c of channels) await c.start();
    const outbox = new OutboxWorker(new OutboxStore(db.prisma, config.defaultLocale),
      (row, actor) => core.bot.compose(row.kind, row.payload, actor),
      logger.child({ component: 'outbox' }),
      metrics,
      {
        senders: channels.map((c) => c.sender),
        rates: { SLACK: config.outbox.slackRatePerSecond, TEAMS: config.outbox.teamsRatePerSecond },
        conversationRates: { SLACK: config.outbox.slackChannelRatePerSecond, TEAMS: config.outbox.teamsConversationRatePerSecond },
        editRates: { SLACK: config.outbox.slackEditRatePerSecond },
        concurrency: config.outbox.workers,
        respectsPause,
        expiresAfter,
      },
    );
    outbox.start();
    // Live progress of broadcasts (and their start and end) between the scheduler's minutes.
    const ticker = new Ticker('broadcast progress', PROGRESS_EVERY_MS, () => core.broadcasts.tick(core.ctx.clock.now()), logger);
    ticker.start();
    const scheduler = new Scheduler(new PrismaFireClaims(db.prisma), logger.child({ component: 'scheduler' }), {
      timezone: config.timezone,
      runnerId: outbox.id,
    });
    for (const job of createJobs(core, db, config.retention, { connections: directoryConnections(config), schedule: config.directory.schedule }))
      scheduler.register(job);
    await scheduler.start();

    let stopping: Promise<void> | undefined;
    const database = db;
    return {
      port,
      url: `http://127.0.0.1:${port}`,
      db,
      core,
      channels,
      outbox,
      scheduler,
      stop() {
        stopping ??= (async () => {
          await server.close();
          await scheduler.stop();
          await ticker.stop();
          await outbox.stop();
          for (const c of channels) await c.stop().catch((err) => logger.warn('channel stop failed', { channel: c.name, err }));
          // Last: the embedded server stops after everything that used it (database.ts).
          await database.close();
        })();
        return stopping;
      },
    };
  } catch (err) {
    await db?.close().catch(() => undefined);
    throw err;
  }
}
