import type { Bot } from '../core/chat/bot.js';
import type { Logger, Sender } from '../core/ports.js';
import type { Database } from '../db/database.js';
import type { Route } from '../server/http-server.js';
import type { Metrics } from '../server/metrics.js';

/** What a chat channel (Slack, Teams) gives the runtime: HTTP routes, a sender for the outbox, a lifecycle. */
export interface Channel {
  readonly name: 'slack' | 'teams';
  routes: Route[];
  sender: Sender;
  /** Starts anything that is not an HTTP route (Slack Socket Mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ChannelDeps {
  bot: Bot;
  db: Database;
  logger: Logger;
  metrics: Metrics;
}
