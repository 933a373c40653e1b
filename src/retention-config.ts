import { z } from 'zod';
import { DEFAULT_RETENTION, type RetentionPolicy } from './core/privacy/retention-policy.js';

/** 0 turns a rule off (keep forever); anything shorter than `min` would break a feature that looks back that far. */
const period = (name: string, unit: 'days' | 'months', min: number, fallback: number) =>
  z
    .string()
    .trim()
    .default(String(fallback))
    .refine((v) => /^\d{1,5}$/.test(v) && (Number(v) === 0 || Number(v) >= min), {
      message: `${name} must be a whole number of ${unit}: 0 (keep forever) or at least ${min}`,
    })
    .transform(Number);

/** The retention part of the environment schema (src/config.ts); README "Retention" documents it. */
export const retentionEnv = {
  // Klus matches are capped per 7 days and broadcast failures exported afterwards: both read outbox rows.
  RETENTION_OUTBOX_DAYS: period('RETENTION_OUTBOX_DAYS', 'days', 14, DEFAULT_RETENTION.outboxDays),
  RETENTION_ENGAGEMENT_DAYS: period('RETENTION_ENGAGEMENT_DAYS', 'days', 30, DEFAULT_RETENTION.engagementDays),
  RETENTION_SCHEDULE_RUNS_DAYS: period('RETENTION_SCHEDULE_RUNS_DAYS', 'days', 1, DEFAULT_RETENTION.scheduleRunDays),
  RETENTION_AUDIT_DAYS: period('RETENTION_AUDIT_DAYS', 'days', 180, DEFAULT_RETENTION.auditDays),
  RETENTION_INACTIVE_MONTHS: period('RETENTION_INACTIVE_MONTHS', 'months', 3, DEFAULT_RETENTION.inactiveMonths),
  // At least a month: a deactivation by mistake (a wrong CSV, an account disabled for a day) must be undoable.
  RETENTION_LEAVER_MONTHS: period('RETENTION_LEAVER_MONTHS', 'months', 1, DEFAULT_RETENTION.leaverMonths),
};

type RetentionEnv = { [K in keyof typeof retentionEnv]: z.output<(typeof retentionEnv)[K]> };

export function retentionFrom(e: RetentionEnv): RetentionPolicy {
  return {
    outboxDays: e.RETENTION_OUTBOX_DAYS,
    engagementDays: e.RETENTION_ENGAGEMENT_DAYS,
    scheduleRunDays: e.RETENTION_SCHEDULE_RUNS_DAYS,
    auditDays: e.RETENTION_AUDIT_DAYS,
    inactiveMonths: e.RETENTION_INACTIVE_MONTHS,
    leaverMonths: e.RETENTION_LEAVER_MONTHS,
  };
}

/**
 * Nudges find people without activity in the last NUDGE_ACTIVITY_WEEKS from engagement signals: deleting them
 * sooner would make everyone look inactive. Returns the variable to name and why, or null.
 */
export function retentionConflict(policy: RetentionPolicy, activityWeeks: number | undefined): { variable: string; message: string } | null {
  if (policy.engagementDays > 0 && activityWeeks !== undefined && policy.engagementDays < activityWeeks * 7) {
    return {
      variable: 'RETENTION_ENGAGEMENT_DAYS',
      message: `must be 0 or at least ${activityWeeks * 7} days (NUDGE_ACTIVITY_WEEKS is ${activityWeeks}: nudges look back that far)`,
    };
  }
  return null;
}
