/**
 * How long each kind of data is kept (0 = keep forever). Defaults are documented in README ("Retention") and
 * docs/dpia.md; the reasoning per kind is on the fields.
 */
export interface RetentionPolicy {
  /** Delivered, cancelled and failed outbox rows: proof of delivery and failure reasons for HR's export; then noise. */
  outboxDays: number;
  /** Engagement signals (sign-ups, answers, clicks): a year of figures and nudges is what HR asked for. */
  engagementDays: number;
  /** The scheduler's bookkeeping (which replica ran which fire); the newest run of each job always stays. */
  scheduleRunDays: number;
  /** The audit log: long enough for a works council or data protection officer to look back two years. */
  auditDays: number;
  /** People without any contact this long have left: their reflections, goals and questions are deleted. */
  inactiveMonths: number;
  /**
   * Leavers (deactivated by the directory sync, Slack or `active=nee`): erased completely this long after they
   * left. Long enough to undo a mistaken deactivation and for a return after a short contract gap; far shorter
   * than the 24 months kept for people who merely went quiet, because here we know they left.
   */
  leaverMonths: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  outboxDays: 90,
  engagementDays: 365,
  scheduleRunDays: 30,
  auditDays: 730,
  inactiveMonths: 24,
  leaverMonths: 6,
};
