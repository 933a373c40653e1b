export interface AuditQuery {
  since?: Date;
  /** `privacy` matches privacy.export and privacy.erase; `privacy.erase` only itself. */
  action?: string;
  /** The newest this many entries (shown oldest first). */
  limit: number;
}

export interface AuditEntry {
  at: Date;
  actor: string;
  action: string;
  subject: string | null;
  details: unknown;
}

/** One line in the audit log: who did what to what. Details hold ids and counts, not personal data. */
export interface AuditRecord {
  actor: string;
  actorId?: string;
  action: string;
  subject?: string;
  details?: object;
}

export interface AuditRepository {
  record(entry: AuditRecord): Promise<void>;
  /** The newest `limit` entries since `since` whose action is `action` or starts with `action.`, oldest first. */
  list(q: AuditQuery): Promise<AuditEntry[]>;
}
