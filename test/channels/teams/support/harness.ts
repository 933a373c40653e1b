import { loadConfig } from '../../../../src/config.js';
import type { Database } from '../../../../src/db/database.js';
import { createLogger } from '../../../../src/logger.js';
import { startVliegwiel, type Running } from '../../../../src/runtime/start.js';
import { testPostgres } from '../../../support/db.js';
import { post, type Posted } from './activities.js';
import { FakeConnector } from './fake-connector.js';

export interface TeamsBot {
  fake: FakeConnector;
  running: Running;
  /** The test's own connection to the bot's database. */
  db: Database;
  logs: Record<string, unknown>[];
  post(activity: unknown, token?: string): Promise<Posted>;
  stop(): Promise<void>;
}

/**
 * The whole bot (startVliegwiel) on its own PostgreSQL database, with Teams pointed at a fake connector on
 * 127.0.0.1. `env` adds or overrides settings; by default Teams runs in TEAMS_INSECURE_DEV.
 */
export async function startTeamsBot(env: (fake: FakeConnector) => Record<string, string> = () => ({})): Promise<TeamsBot> {
  const fake = await FakeConnector.start();
  const db = await testPostgres(4);
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger('debug', {}, (line) => void logs.push(JSON.parse(line) as Record<string, unknown>));
  const extra = env(fake);
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    LOG_LEVEL: 'silent',
    ...(extra.MICROSOFT_APP_ID ? {} : { TEAMS_INSECURE_DEV: 'true' }),
    ...extra,
  });
  const running = await startVliegwiel(config, logger);
  return {
    fake,
    running,
    db,
    logs,
    post: (activity, token) => post(running.url, activity, token),
    async stop() {
      await running.stop();
      await db.close();
      await fake.stop();
    },
  };
}
