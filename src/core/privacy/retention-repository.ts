/**
 * Deletes what the retention policy no longer keeps. Each `delete…` removes at most `limit` rows older than
 * `cutoff` and returns how many it removed, so the use case can work in batches.
 */
export interface RetentionRepository {
  /** Delivered, cancelled and failed messages only: work still to do is never touched, however old. */
  deleteOutbox(cutoff: Date, limit: number): Promise<number>;
  deleteEngagementEvents(cutoff: Date, limit: number): Promise<number>;
  /** Keeps the newest run of every job: the scheduler's catch-up asks whether the last fire happened. */
  deleteScheduleRuns(cutoff: Date, limit: number): Promise<number>;
  deleteAuditLog(cutoff: Date, limit: number): Promise<number>;
  /**
   * People with no contact since `cutoff` (no chat identity seen since; never seen and created before) and not
   * erased lose their private dossier, in one transaction.
   */
  /** Up to `limit` people deactivated (left) before `cutoff`, still deactivated and not yet erased. */
  leaversBefore(cutoff: Date, limit: number): Promise<string[]>;
  forgetInactive(cutoff: Date): Promise<{ inactivePeople: number; reflections: number; goals: number; promptDeliveries: number }>;
}
