import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { EmbeddedDatabaseError, startVliegwiel } from './runtime/start.js';

const HOW_TO_CONNECT = `No Slack or Teams credentials are set, so only the console chat talks to this bot:
  npm run cli -- seed demo                               (demo region, once)
  npm run chat -- --as medewerker@demo.vliegwiel.nl      (talk to the bot in this terminal)
Connect Slack with SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode), Teams with
MICROSOFT_APP_ID + MICROSOFT_APP_PASSWORD; README.md explains both.`;

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel, { service: 'vliegwiel' });
  let running;
  try {
    running = await startVliegwiel(config, logger);
  } catch (err) {
    if (err instanceof EmbeddedDatabaseError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  let signals = 0;
  const stop = (signal: string) => {
    if (++signals > 1) {
      logger.warn('second signal: exiting at once', { signal });
      process.exit(1);
    }
    logger.info('stopping', { signal });
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error('stop failed', { err });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // Only now: whoever waits for this line may send SIGTERM at once, and it must find the handler in place
  // (a signal between the line and the handler would end the bot with no graceful stop, exit code null).
  if (running.channels.length === 0) process.stderr.write(`${HOW_TO_CONNECT}\n`);
  process.stdout.write(`ready http://127.0.0.1:${running.port}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`vliegwiel could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
