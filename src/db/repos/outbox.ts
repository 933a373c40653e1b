import type { OutboxDraft } from '../../core/outbox.js';
import type { OutboxRepository } from '../../core/outbox-repository.js';
import type { Prisma } from '../database.js';

type Tx = Parameters<Parameters<Prisma['$transaction']>[0]>[0];

/** The identity a person is best reached on: the reachable one seen most recently. */
async function bestIdentities(tx: Tx | Prisma, personIds: string[]) {
  const rows = await tx.channelIdentity.findMany({
    where: { personId: { in: personIds }, unreachableAt: null },
    orderBy: [{ lastSeenAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
  });
  const best = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!best.has(r.personId)) best.set(r.personId, r);
  return best;
}

/**
 * Writes outbox rows inside the caller's transaction. A key that exists already is kept, unless it was
 * cancelled (a person who cancels and signs up again gets their reminder back).
 */
export async function enqueueInTx(tx: Tx | Prisma, drafts: OutboxDraft[]): Promise<number> {
  if (drafts.length === 0) return 0;
  const identities = await bestIdentities(tx, [...new Set(drafts.map((d) => d.personId))]);
  let written = 0;
  for (const d of drafts) {
    const identity = identities.get(d.personId);
    const row = {
      kind: d.kind,
      personId: d.personId,
      platform: identity?.platform ?? ('CONSOLE' as const),
      tenantId: identity?.tenantId ?? '',
      broadcastId: d.broadcastId ?? null,
      payload: d.payload as object,
      status: identity ? ('PENDING' as const) : ('FAILED' as const),
      lastError: identity ? null : 'unreachable: no chat identity',
      attempts: 0,
      nextAttemptAt: d.notBefore ?? new Date(),
      leaseUntil: null,
      leasedBy: null,
    };
    const existing = await tx.outboxMessage.findUnique({ where: { idempotencyKey: d.idempotencyKey }, select: { status: true } });
    if (!existing) {
      const created = await tx.outboxMessage.createMany({ data: [{ idempotencyKey: d.idempotencyKey, ...row }], skipDuplicates: true });
      written += created.count;
    } else if (existing.status === 'CANCELLED') {
      await tx.outboxMessage.update({ where: { idempotencyKey: d.idempotencyKey }, data: row });
      written += 1;
    }
  }
  return written;
}

export class PrismaOutboxRepository implements OutboxRepository {
  constructor(private readonly db: Prisma) {}

  enqueue(drafts: OutboxDraft[]) {
    return this.db.$transaction((tx) => enqueueInTx(tx, drafts));
  }
}
