import { formatDateTime } from '../format.js';
import type { BroadcastFailuresRepository } from './broadcast-failures-repository.js';

const cell = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote when needed; a leading =, +, - or @ would make Excel evaluate a formula.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

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
  return `\uFEFF${[header, ...lines].map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`;
}
