/**
 * Problems with the embedded PostgreSQL server that an operator can fix. Entry points print the message as it is
 * (no stack): each says what is wrong and what to do.
 */
export class EmbeddedDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedDatabaseError';
  }
}

/** Another process (a bot, or the CLI or console chat running on their own) holds the server. */
export class EmbeddedBusyError extends EmbeddedDatabaseError {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedBusyError';
  }
}

/** DATA_DIR holds a PGlite database of an earlier Vliegwiel version; nothing in it is touched. */
export class LegacyDataDirError extends EmbeddedDatabaseError {
  constructor(message: string) {
    super(message);
    this.name = 'LegacyDataDirError';
  }
}
