import { formatDateTime } from '../format.js';
import type { Prisma } from '../../db/database.js';

const cell = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote when needed; a leading =, +, - or @ would make Excel evaluate a formula.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export class UnknownWorkshopError extends Error {}

/** The attendance list of one workshop as CSV that Dutch Excel opens directly (BOM, semicolons, CRLF). */
export async function exportSignups(db: Prisma, key: string, timezone: string): Promise<string> {
  const w = await db.workshop.findUnique({ where: { key } });
  if (!w) throw new UnknownWorkshopError(`Unknown workshop key: ${key}`);
  const signups = await db.signup.findMany({
    where: { workshopId: w.id, status: { in: ['CONFIRMED', 'WAITLISTED'] } },
    include: { person: { include: { organization: true } } },
    orderBy: [{ status: 'asc' }, { waitlistSeq: 'asc' }, { confirmedAt: 'asc' }],
  });
  const header = ['workshop', 'titel', 'start', 'naam', 'e-mail', 'organisatie', 'afdeling', 'status', 'wachtlijstplek', 'aanwezig'];
  let position = 0;
  const rows = signups.map((s) => [
    w.key,
    w.title,
    formatDateTime(w.startsAt, 'nl', timezone),
    s.person?.name ?? '(verwijderd)',
    s.person?.email ?? '',
    s.person?.organization?.name ?? '',
    s.person?.department ?? '',
    s.status === 'CONFIRMED' ? 'aangemeld' : 'wachtlijst',
    s.status === 'WAITLISTED' ? ++position : '',
    s.attended === null ? '' : s.attended ? 'ja' : 'nee',
  ]);
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
