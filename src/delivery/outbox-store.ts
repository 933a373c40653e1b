import type { Prisma } from '../db/database.js';
import type { Platform } from '../core/ports.js';

export interface ClaimedMessage {
  id: bigint;
  idempotencyKey: string;
  kind: string;
  personId: string | null;
  platform: Platform;
  tenantId: string;
  broadcastId: string | null;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * The outbox table as a work queue. Claiming uses FOR UPDATE SKIP LOCKED and a lease, so several workers and
 * replicas share the rows and each row has one owner at a time; a row whose lease ran out (its worker died) is
 * claimable again. Every state change checks the lease holder, so a worker that lost its lease changes nothing.
 */
export class OutboxStore {
  constructor(private readonly db: Prisma) {}

  async claim(workerId: string, limit: number, leaseMs: number, platforms: Platform[]): Promise<ClaimedMessage[]> {
    if (platforms.length === 0) return [];
    const rows = await this.db.$queryRawUnsafe<ClaimedMessage[]>(
      `UPDATE "OutboxMessage" o
          SET status = 'SENDING', "leaseUntil" = now() + ($2 || ' milliseconds')::interval, "leasedBy" = $1,
              attempts = o.attempts + 1
        WHERE o.id IN (
              SELECT id FROM "OutboxMessage"
               WHERE platform::text = ANY($4::text[])
                 AND ((status = 'PENDING' AND "nextAttemptAt" <= now())
                   OR (status = 'SENDING' AND "leaseUntil" < now()))
               ORDER BY "nextAttemptAt", id
               LIMIT $3
               FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o."idempotencyKey", o.kind, o."personId", o.platform::text AS platform, o."tenantId",
                  o."broadcastId", o.payload, o.attempts`,
      workerId,
      String(leaseMs),
      limit,
      platforms,
    );
    return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async sent(id: bigint, workerId: string, ref: unknown) {
    await this.db.$executeRawUnsafe(
      `UPDATE "OutboxMessage" SET status = 'SENT', "sentAt" = now(), "leaseUntil" = NULL, "lastError" = NULL,
              "deliveredRef" = $3::jsonb
        WHERE id = $1 AND "leasedBy" = $2 AND status = 'SENDING'`,
      id,
      workerId,
      JSON.stringify(ref ?? null),
    );
  }

  async retry(id: bigint, workerId: string, delayMs: number, error: string) {
    await this.db.$executeRawUnsafe(
      `UPDATE "OutboxMessage" SET status = 'PENDING', "leaseUntil" = NULL,
              "nextAttemptAt" = now() + ($3 || ' milliseconds')::interval, "lastError" = $4
        WHERE id = $1 AND "leasedBy" = $2 AND status = 'SENDING'`,
      id,
      workerId,
      String(Math.max(0, Math.round(delayMs))),
      error.slice(0, 1000),
    );
  }

  async finish(id: bigint, workerId: string, status: 'FAILED' | 'CANCELLED', reason: string) {
    await this.db.$executeRawUnsafe(
      `UPDATE "OutboxMessage" SET status = $3::"OutboxStatus", "leaseUntil" = NULL, "lastError" = $4
        WHERE id = $1 AND "leasedBy" = $2 AND status = 'SENDING'`,
      id,
      workerId,
      status,
      reason.slice(0, 1000),
    );
  }

  /** Soonest moment a row becomes due, so an idle worker can sleep until then. */
  async nextDue(platforms: Platform[]): Promise<Date | null> {
    const r = await this.db.outboxMessage.findFirst({
      where: { status: 'PENDING', platform: { in: platforms } },
      orderBy: { nextAttemptAt: 'asc' },
      select: { nextAttemptAt: true },
    });
    return r?.nextAttemptAt ?? null;
  }
}
