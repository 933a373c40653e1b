import { audit } from '../audit/audit.js';
import type { AuditRepository } from '../audit/audit-repository.js';
import type { RetentionPolicy } from './retention-policy.js';
import type { RetentionRepository } from './retention-repository.js';

export { DEFAULT_RETENTION, type RetentionPolicy } from './retention-policy.js';

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
  /** Leavers erased completely, through the same erasure as `mijn gegevens`. */
  leaversErased: number;
}

/** Erases one person as their own request would (seats given back, outbox withdrawn, everything personal gone). */
export type EraseLeaver = (personId: string) => Promise<void>;

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
export async function enforceRetention(
  ports: { retention: RetentionRepository; audit: AuditRepository },
  policy: RetentionPolicy,
  now: Date,
  eraseLeaver?: EraseLeaver,
): Promise<RetentionReport> {
  const store = ports.retention;
  const report: RetentionReport = { outbox: 0, engagementEvents: 0, scheduleRuns: 0, auditLog: 0, inactivePeople: 0, reflections: 0, goals: 0, promptDeliveries: 0, leaversErased: 0 };
  if (policy.outboxDays > 0) {
    const cutoff = before(now, policy.outboxDays);
    report.outbox = await inBatches((limit) => store.deleteOutbox(cutoff, limit));
  }
  if (policy.engagementDays > 0) {
    const cutoff = before(now, policy.engagementDays);
    report.engagementEvents = await inBatches((limit) => store.deleteEngagementEvents(cutoff, limit));
  }
  if (policy.scheduleRunDays > 0) {
    const cutoff = before(now, policy.scheduleRunDays);
    report.scheduleRuns = await inBatches((limit) => store.deleteScheduleRuns(cutoff, limit));
  }
  if (policy.auditDays > 0) {
    const cutoff = before(now, policy.auditDays);
    report.auditLog = await inBatches((limit) => store.deleteAuditLog(cutoff, limit));
  }
  // Their account, roles and sign-up history stay, so HR's figures and a return after long leave still work; HR
  // erases the rest on request (`vliegwiel privacy erase`).
  if (policy.inactiveMonths > 0) Object.assign(report, await store.forgetInactive(monthsBefore(now, policy.inactiveMonths)));
  // Leavers: the whole person, not only the dossier. A person who came back has no deactivatedAt and is skipped.
  if (policy.leaverMonths > 0 && eraseLeaver) {
    const cutoff = monthsBefore(now, policy.leaverMonths);
    const done = new Set<string>();
    for (let ids = await store.leaversBefore(cutoff, 100); ids.length > 0; ids = await store.leaversBefore(cutoff, 100)) {
      // An id that comes back was not erased (gone meanwhile): stop rather than loop; the next night tries again.
      if (ids.every((id) => done.has(id))) break;
      for (const id of ids.filter((i) => !done.has(i))) {
        await eraseLeaver(id);
        done.add(id);
        report.leaversErased++;
      }
    }
  }
  const total = Object.values(report).reduce((a, b) => a + b, 0);
  if (total > 0) await audit(ports.audit, { actor: 'system', action: 'retention.run', details: { ...report, policy } });
  return report;
}
