import type { AuditEntry, AuditQuery, AuditRepository } from './audit-repository.js';

export type { AuditEntry, AuditQuery } from './audit-repository.js';

export class BadAuditQueryError extends Error {}

const RELATIVE = /^(\d{1,5})\s*([dhm])$/i;
const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;

/** `--since`: a date (2027-03-01), a moment (2027-03-01T09:00), or a span back from now (7d, 12h, 30m). */
export function parseSince(text: string, now: Date): Date {
  const rel = RELATIVE.exec(text.trim());
  if (rel) return new Date(now.getTime() - Number(rel[1]) * UNIT_MS[rel[2]!.toLowerCase() as keyof typeof UNIT_MS]);
  const d = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim()) ? new Date(text.trim()) : new Date(NaN);
  if (Number.isNaN(d.getTime())) {
    throw new BadAuditQueryError(`--since must be a date (2027-03-01), a moment (2027-03-01T09:00Z) or a span (7d, 12h, 30m), not "${text}"`);
  }
  return d;
}

export function parseLimit(text: string | undefined): number {
  if (text === undefined) return 200;
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1) throw new BadAuditQueryError(`--limit must be a whole number from 1, not "${text}"`);
  return Number(text);
}

export async function listAudit(log: AuditRepository, q: AuditQuery): Promise<AuditEntry[]> {
  const action = q.action?.trim().replace(/\.$/, '');
  return log.list({ ...(q.since ? { since: q.since } : {}), ...(action ? { action } : {}), limit: q.limit });
}

const localTime = (d: Date, timezone: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(d);

/** One line per entry: local time, action, who, what, details (ids and counts only, as the log stores them). */
export function formatAudit(entries: AuditEntry[], timezone: string): string {
  if (entries.length === 0) return 'no audit entries match';
  return entries
    .map((e) => {
      const details = e.details === null || e.details === undefined ? '' : `  ${JSON.stringify(e.details)}`;
      return `${localTime(e.at, timezone)}  ${e.action}  by ${e.actor}  ${e.subject ?? '-'}${details}`;
    })
    .join('\n');
}

/** JSON lines, for tools (and the works council's auditor): one object per entry, times in UTC. */
export const auditJsonLines = (entries: AuditEntry[]) =>
  entries.map((e) => JSON.stringify({ ...e, at: e.at.toISOString() })).join('\n');
