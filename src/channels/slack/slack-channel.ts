import { webApi } from '@slack/bolt';
import type { Locale } from '../../core/messages.js';
import type { Channel, ChannelDeps } from '../channel.js';
import { buildApp, type SlackSettings } from './app.js';
import { boltLogger } from './bolt-logger.js';
import { DEDUP_PREFIX } from './middleware/dedup.js';
import { UserDirectory } from './people.js';
import { SlackDedup } from './processed-events.js';
import { SlackSender } from './sender.js';

const HOUR = 60 * 60 * 1000;

/** The Slack channel; `idle()` resolves when no input is being handled (tests, graceful stop). */
export interface SlackChannel extends Channel {
  idle(timeoutMs?: number): Promise<void>;
}

export interface SlackChannelOptions {
  defaultLocale: Locale;
  /** Clock for signature timestamps (tests). */
  now?: () => number;
}

/** Slack as a channel: `POST /slack/events` (or Socket Mode), listeners over the core, and the outbox sender. */
export function createSlackChannel(settings: SlackSettings, deps: ChannelDeps, options: SlackChannelOptions): SlackChannel {
  const logger = deps.logger.child({ channel: 'slack' });
  // users.info must never hold up an answer: a throttled lookup is skipped, not waited for.
  const directory = new UserDirectory(
    new webApi.WebClient(settings.botToken, {
      slackApiUrl: settings.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      timeout: 5000,
      logger: boltLogger(logger),
    }),
    logger,
  );
  const processed = new SlackDedup(deps.processedEvents, logger);
  const { app, receiver, inFlight, warm } = buildApp(
    settings,
    { bot: deps.bot, logger, metrics: deps.metrics, directory, defaultLocale: options.defaultLocale },
    processed,
    options.now,
  );
  let pruner: NodeJS.Timeout | undefined;
  const prune = () =>
    void processed.prune(new Date(Date.now() - 24 * HOUR), DEDUP_PREFIX).catch((err: unknown) => logger.warn('slack dedup prune failed', { err }));

  return {
    name: 'slack',
    routes: receiver ? [receiver.route()] : [],
    sender: new SlackSender({ botToken: settings.botToken, apiUrl: settings.apiUrl, logger, locale: options.defaultLocale }),
    async start() {
      // Not awaited: a Slack outage must not stop the bot from starting; the next request tries again.
      warm().catch((err: unknown) => logger.warn('slack auth.test failed; will retry on the next request', { err: String(err) }));
      await app.start();
      pruner = setInterval(prune, HOUR).unref();
      prune();
      if (settings.mode === 'socket') logger.info('slack connected over Socket Mode');
    },
    idle: (timeoutMs = 10_000) => inFlight.drain(timeoutMs),
    async stop() {
      clearInterval(pruner);
      await app.stop();
      // Answers still being sent after their ack get a moment to finish.
      await inFlight.drain(10_000);
    },
  };
}
