import { excelCsv } from '../csv/excel-csv.js';
import { formatDateTime } from '../format.js';
import type { BroadcastFailuresRepository } from './broadcast-failures-repository.js';

export class UnknownBroadcastError extends Error {}

/**
 * The messages of one broadcast that could not be delivered, with the reason, as CSV that Dutch Excel opens
 * directly (BOM, semicolons, CRLF): HR can reach these people another way. Streams nothing big into memory
 * beyond the failures themselves.
 */
export async function exportBroadcastFailures(broadcasts: BroadcastFailuresRepository, broadcastId: string, timezone: string): Promise<string> {
  const b = /^[0-9a-f-]{36}$/i.test(broadcastId) ? await broadcasts.failures(broadcastId) : null;
  if (!b) throw new UnknownBroadcastError(`Unknown broadcast: ${broadcastId}`);
  const header = ['bericht', 'naam', 'e-mail', 'organisatie', 'afdeling', 'kanaal', 'pogingen', 'reden', 'laatste poging'];
  const lines = b.failures.map((r) => [
    b.title,
    r.person?.erased ? '(verwijderd)' : (r.person?.name ?? '(verwijderd)'),
    r.person?.erased ? '' : (r.person?.email ?? ''),
    r.person?.organizationName ?? '',
    r.person?.department ?? '',
    r.platform.toLowerCase(),
    r.attempts,
    r.lastError ?? '',
    formatDateTime(r.lastAttemptAt, 'nl', timezone),
  ]);
  return excelCsv(header, lines, 'nl');
}
