import { App, webApi, type AppOptions } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';
import { workspaceAuth } from './authorize.js';
import { boltLogger } from './bolt-logger.js';
import type { SlackDeps } from './deps.js';
import { registerListeners } from './listeners/index.js';
import { ackFirst } from './middleware/ack-first.js';
import { AckGate } from './middleware/ack-gate.js';
import { dedup } from './middleware/dedup.js';
import { InFlight } from './middleware/in-flight.js';
import { WorkQueue } from '../work-queue.js';
import type { SlackDedup } from './processed-events.js';
import { SignedHttpReceiver } from './receiver.js';

export interface SlackSettings {
  mode: 'http' | 'socket';
  botToken: string;
  signingSecret: string;
  appToken?: string;
  apiUrl: string;
}

export interface BuiltApp {
  app: App;
  receiver: SignedHttpReceiver | undefined;
  inFlight: InFlight;
  warm(): Promise<void>;
}

/**
 * How many inputs are worked on at once after their ack. Each holds a database connection for a moment and waits
 * on Slack most of the time; more than this only makes every answer, and the next acks, slower (see bench/).
 */
export const POST_ACK_CONCURRENCY = 16;

/**
 * Interactive answers may wait out a short 429 (the person is waiting for this very answer), but never
 * WebClient's default of ten retries over thirty minutes.
 */
export const interactiveClientOptions = (apiUrl: string, logger: Logger): webApi.WebClientOptions => ({
  slackApiUrl: apiUrl,
  retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2000 },
  timeout: 10_000,
  logger: boltLogger(logger),
});

/** The Bolt app over our HTTP route, or over Socket Mode when an app-level token is configured. */
export function buildApp(settings: SlackSettings, deps: SlackDeps, processed: SlackDedup, now?: () => number): BuiltApp {
  const clientOptions = interactiveClientOptions(settings.apiUrl, deps.logger);
  const auth = workspaceAuth(new webApi.WebClient(undefined, clientOptions), settings.botToken);
  const common: AppOptions = {
    authorize: auth.authorize,
    logger: boltLogger(deps.logger),
    clientOptions,
    // Unused, and Bolt's default store allocates per event.
    convoStore: false,
    // Acks go out at once and the work follows (our HTTP receiver does the same for its requests).
    processBeforeResponse: false,
  };
  const inFlight = new InFlight();
  const gate = new AckGate();
  let receiver: SignedHttpReceiver | undefined;
  let app: App;
  if (settings.mode === 'socket') {
    if (!settings.appToken) throw new Error('Slack Socket Mode needs SLACK_APP_TOKEN');
    app = new App({ ...common, socketMode: true, appToken: settings.appToken });
  } else {
    receiver = new SignedHttpReceiver(settings.signingSecret, deps.logger, boltLogger(deps.logger), now, (work) => inFlight.track(work), gate);
    app = new App({ ...common, receiver });
  }
  // Socket Mode has no receiver of ours, so the middleware counts the work there (in HTTP mode it is counted twice, harmlessly).
  app.use(inFlight.middleware);
  app.use(ackFirst(new WorkQueue(POST_ACK_CONCURRENCY, () => gate.quiet())));
  app.use(dedup(processed, deps.logger));
  registerListeners(app, deps);
  // Listeners handle their own errors; what reaches here is Bolt's (authorisation, middleware).
  app.error(async (error) => {
    deps.logger.error('slack app error', { err: error });
  });
  return { app, receiver, inFlight, warm: auth.warm };
}
