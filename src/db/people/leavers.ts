import type { Prisma } from '../database.js';

export type Tx = Parameters<Parameters<Prisma['$transaction']>[0]>[0];

/** Who marked a person as a leaver; each source only brings back the people it deactivated itself. */
export type LeaverSource = 'import' | 'directory' | 'slack';

/**
 * Leavers stay (figures keep counting them) but get nothing more. The outbox is not touched here: the worker
 * cancels every row addressed to a deactivated person when it claims it ("person left"), whenever it was queued,
 * and `releaseLeavers` withdraws the rows that name them through the same use case as erasure
 * (`withdrawFromOutbox`). Returns how many were newly deactivated.
 */
export async function deactivateInTx(tx: Tx, personIds: string[], by: LeaverSource, now: Date): Promise<number> {
  if (personIds.length === 0) return 0;
  const n = await tx.person.updateMany({
    where: { id: { in: personIds }, deactivatedAt: null, erasedAt: null },
    data: { deactivatedAt: now, deactivatedBy: by },
  });
  return n.count;
}

/** People back at work (the source that deactivated them says so); returns how many came back. */
export async function reactivateInTx(tx: Tx, personIds: string[], by: LeaverSource): Promise<number> {
  if (personIds.length === 0) return 0;
  const n = await tx.person.updateMany({
    where: { id: { in: personIds }, deactivatedAt: { not: null }, deactivatedBy: by },
    data: { deactivatedAt: null, deactivatedBy: null },
  });
  return n.count;
}
