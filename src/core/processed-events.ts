/**
 * Platforms deliver some input twice (Slack retries an event it thinks we missed, Teams repeats an activity when
 * the bot was slow): the first record of a source and id wins, also between two bot processes. One repository for
 * both channels, implemented in src/db/dedup; database errors reach the caller, which decides what they mean.
 */
export interface ProcessedEvents {
  /**
   * True the first time `source`/`id` is seen. With `forgetAfterMs`, an id seen longer ago than that counts as new
   * again (taken over atomically, so two concurrent repeats still yield one winner).
   */
  firstTime(source: string, id: string, forgetAfterMs?: number): Promise<boolean>;
  /** Forgets ids older than the platforms' retry windows; `prefix` limits it to some sources. */
  prune(olderThan: Date, prefix?: string): Promise<number>;
}
