import type { AuditRecord, AuditRepository } from './audit-repository.js';

/** One line in the audit log: who did what to what. Details hold ids and counts, not personal data. */
export async function audit(log: AuditRepository, entry: AuditRecord) {
  await log.record(entry);
}
