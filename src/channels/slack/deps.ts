import type { Bot } from '../../core/chat/bot.js';
import type { Locale } from '../../core/messages.js';
import type { Logger } from '../../core/ports.js';
import type { Metrics } from '../../metrics.js';
import type { UserDirectory } from './people.js';

/** What the listeners need; passed in, never imported, so tests build them from real parts. */
export interface SlackDeps {
  bot: Bot;
  logger: Logger;
  metrics: Metrics;
  directory: UserDirectory;
  defaultLocale: Locale;
}
