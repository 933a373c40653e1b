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
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  outboxDays: 90,
  engagementDays: 365,
  scheduleRunDays: 30,
  auditDays: 730,
  inactiveMonths: 24,
};
