import type { Locale } from './messages.js';

/** The settings every feature may read; a feature that needs more declares its own beside its ports. */
export interface CoreSettings {
  timezone: string;
  defaultLocale: Locale;
  adminUsers: readonly string[];
  /** Base URL where the bot serves calendar files and downloads, without trailing slash. */
  publicUrl: string;
}
