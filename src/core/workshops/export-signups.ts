import { excelCsv } from '../csv/excel-csv.js';
import { formatDateTime } from '../format.js';
import type { WorkshopFilesRepository } from './workshop-files-repository.js';

export class UnknownWorkshopError extends Error {}

/** The attendance list of one workshop as CSV that Dutch Excel opens directly (BOM, semicolons, CRLF). */
export async function exportSignups(workshops: WorkshopFilesRepository, key: string, timezone: string): Promise<string> {
  const list = await workshops.signupList(key);
  if (!list) throw new UnknownWorkshopError(`Unknown workshop key: ${key}`);
  const w = list.workshop;
  const header = ['workshop', 'titel', 'start', 'naam', 'e-mail', 'organisatie', 'afdeling', 'status', 'wachtlijstplek', 'aanwezig', 'aangemeld door'];
  let position = 0;
  const rows = list.signups.map((s) => [
    w.key,
    w.title,
    formatDateTime(w.startsAt, 'nl', timezone),
    s.person?.name ?? '(verwijderd)',
    s.person?.email ?? '',
    s.person?.organizationName ?? '',
    s.person?.department ?? '',
    s.status === 'CONFIRMED' ? 'aangemeld' : 'wachtlijst',
    s.status === 'WAITLISTED' ? ++position : '',
    s.attended === null ? '' : s.attended ? 'ja' : 'nee',
    s.signedUpBy ?? '',
  ]);
  return excelCsv(header, rows, 'nl');
}
