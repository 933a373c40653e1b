import type { Bot } from '../core/chat/bot.js';
import type { Logger, Sender } from '../core/ports.js';
import type { ChannelIdentities } from '../core/people/channel-identities.js';
import type { ProcessedEvents } from '../core/processed-events.js';
import type { Route } from '../server/http-server.js';
import type { Metrics } from '../metrics.js';

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
  identities: ChannelIdentities;
  processedEvents: ProcessedEvents;
  logger: Logger;
  metrics: Metrics;
}
