import type { Prisma } from '../../db/database.js';
import { audit } from '../audit/audit.js';

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

export interface RetentionReport {
  outbox: number;
  engagementEvents: number;
  scheduleRuns: number;
  auditLog: number;
  /** People whose dossier was deleted, and how many of their reflections, goals and questions went with it. */
  inactivePeople: number;
  reflections: number;
  goals: number;
  promptDeliveries: number;
}

const DAY = 86_400_000;
/** Rows per statement: a big delete in one go would hold locks and bloat the WAL while replicas serve clicks. */
const BATCH = 5000;

const before = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** Deletes in batches until nothing matches; `sql` deletes at most BATCH rows older than $1 and returns the count. */
async function inBatches(delete_: (limit: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await delete_(BATCH);
    total += n;
    if (n < BATCH) return total;
  }
}

/**
 * One pass of the retention policy, as the nightly job runs it. Idempotent; every rule is its own statement, so a
 * failure halfway leaves every deleted batch consistent (rows reference one another only through ids that may be
 * null). What was deleted is counted in the audit log, never what it contained.
 */
export async function enforceRetention(db: Prisma, policy: RetentionPolicy, now: Date): Promise<RetentionReport> {
  const report: RetentionReport = { outbox: 0, engagementEvents: 0, scheduleRuns: 0, auditLog: 0, inactivePeople: 0, reflections: 0, goals: 0, promptDeliveries: 0 };
  if (policy.outboxDays > 0) {
    const cutoff = before(now, policy.outboxDays);
    // Work still to do (PENDING, SENDING) is never touched, however old.
    report.outbox = await inBatches((limit) => db.$executeRaw`
      DELETE FROM "OutboxMessage" WHERE id IN (
        SELECT id FROM "OutboxMessage"
        WHERE status IN ('SENT', 'CANCELLED', 'FAILED') AND coalesce("sentAt", "createdAt") < ${cutoff}
        LIMIT ${limit})`);
  }
  if (policy.engagementDays > 0) {
    const cutoff = before(now, policy.engagementDays);
    report.engagementEvents = await inBatches((limit) => db.$executeRaw`
      DELETE FROM "EngagementEvent" WHERE id IN (SELECT id FROM "EngagementEvent" WHERE "occurredAt" < ${cutoff} LIMIT ${limit})`);
  }
  if (policy.scheduleRunDays > 0) {
    const cutoff = before(now, policy.scheduleRunDays);
    // The newest run of a job stays: the scheduler's catch-up asks whether the last fire happened.
    report.scheduleRuns = await inBatches((limit) => db.$executeRaw`
      DELETE FROM "ScheduleRun" WHERE id IN (
        SELECT r.id FROM "ScheduleRun" r
        WHERE r."fireAt" < ${cutoff}
          AND EXISTS (SELECT 1 FROM "ScheduleRun" n WHERE n.job = r.job AND n."fireAt" > r."fireAt")
        LIMIT ${limit})`);
  }
  if (policy.auditDays > 0) {
    const cutoff = before(now, policy.auditDays);
    report.auditLog = await inBatches((limit) => db.$executeRaw`
      DELETE FROM "AuditLog" WHERE id IN (SELECT id FROM "AuditLog" WHERE at < ${cutoff} LIMIT ${limit})`);
  }
  if (policy.inactiveMonths > 0) Object.assign(report, await forgetInactive(db, monthsBefore(now, policy.inactiveMonths)));
  const total = Object.values(report).reduce((a, b) => a + b, 0);
  if (total > 0) await audit(db, { actor: 'system', action: 'retention.run', details: { ...report, policy } });
  return report;
}

/**
 * People with no contact since `cutoff` (no chat identity seen since; never seen and created before) and not
 * erased: their private dossier goes. Their account, roles and sign-up history stay, so HR's figures and a return
 * after long leave still work; HR erases the rest on request (`vliegwiel privacy erase`).
 */
async function forgetInactive(db: Prisma, cutoff: Date) {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM "Person" p
    WHERE p."erasedAt" IS NULL AND p."createdAt" < ${cutoff}
      AND NOT EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."personId" = p.id AND i."lastSeenAt" >= ${cutoff})
      AND (EXISTS (SELECT 1 FROM "Reflection" r WHERE r."personId" = p.id)
        OR EXISTS (SELECT 1 FROM "Goal" g WHERE g."personId" = p.id)
        OR EXISTS (SELECT 1 FROM "PromptDelivery" d WHERE d."personId" = p.id))`;
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return { inactivePeople: 0, reflections: 0, goals: 0, promptDeliveries: 0 };
  return db.$transaction(async (tx) => {
    const reflections = (await tx.reflection.deleteMany({ where: { personId: { in: ids } } })).count;
    const goals = (await tx.goal.deleteMany({ where: { personId: { in: ids } } })).count;
    const promptDeliveries = (await tx.promptDelivery.deleteMany({ where: { personId: { in: ids } } })).count;
    await tx.download.deleteMany({ where: { personId: { in: ids } } });
    return { inactivePeople: ids.length, reflections, goals, promptDeliveries };
  });
}
