export interface BroadcastFailure {
  /** Null when the person is gone. */
  person: { name: string; email: string | null; erased: boolean; organizationName: string | null; department: string | null } | null;
  /** SLACK, TEAMS or CONSOLE. */
  platform: string;
  attempts: number;
  lastError: string | null;
  /** When the last attempt was made (the outbox keeps it as the next attempt's time). */
  lastAttemptAt: Date;
}

export interface BroadcastFailuresRepository {
  /** The broadcast's title and its messages that failed for good, in the order they were queued; null if unknown. */
  failures(broadcastId: string): Promise<{ title: string; failures: BroadcastFailure[] } | null>;
}
