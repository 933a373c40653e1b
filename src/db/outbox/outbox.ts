import type { OutboxDraft } from '../../core/outbox.js';
import { RELAYED_KINDS } from '../../core/team/relay.js';
import type { OutboxRepository } from '../../core/outbox-repository.js';
import type { KindMention } from '../../core/people/leaving.js';
import { Prisma as P } from '../../generated/prisma/client.js';
import type { Prisma } from '../database.js';

type Tx = Parameters<Parameters<Prisma['$transaction']>[0]>[0];

/**
 * Writes outbox rows inside the caller's transaction, one statement per row: the person's best identity (the
 * reachable one seen most recently) picks platform and tenant; without one the row is stored as FAILED so the
 * miss is visible. An existing key is kept, unless it was cancelled (cancel, then sign up again: the reminder
 * comes back).
 */
export async function enqueueInTx(tx: Tx | Prisma, drafts: OutboxDraft[]): Promise<number> {
  let written = 0;
  for (const d of drafts) {
    written += await tx.$executeRaw`
      INSERT INTO "OutboxMessage" ("idempotencyKey", kind, "personId", platform, "tenantId", "broadcastId", payload,
                                   status, "lastError", "nextAttemptAt", "dueAt")
      SELECT ${d.idempotencyKey}, ${d.kind}, ${d.personId}::uuid, COALESCE(ci.platform, 'CONSOLE'), COALESCE(ci."tenantId", ''),
             ${d.broadcastId ?? null}::uuid, ${JSON.stringify(d.payload)}::jsonb,
             CASE WHEN ci.platform IS NULL THEN 'FAILED' ELSE 'PENDING' END::"OutboxStatus",
             CASE WHEN ci.platform IS NULL THEN
               CASE WHEN ${RELAYED_KINDS.includes(d.kind)} AND NOT EXISTS (SELECT 1 FROM "ChannelIdentity" o WHERE o."personId" = ${d.personId}::uuid)
                    THEN 'unreachable: no chat account and no team leader to pass it on'
                    ELSE 'unreachable: no chat identity' END END,
             ${d.notBefore ?? new Date()}, ${d.notBefore ?? new Date()}
        FROM (SELECT 1) AS one
        LEFT JOIN LATERAL (
             SELECT platform, "tenantId" FROM (
               SELECT platform, "tenantId", "lastSeenAt", "createdAt", 0 AS via FROM "ChannelIdentity"
                WHERE "personId" = ${d.personId}::uuid AND "unreachableAt" IS NULL
               UNION ALL
               -- A person without a chat account is reached through their team leader (core/team/relay.ts).
               SELECT x.platform, x."tenantId", x."lastSeenAt", x."createdAt", 1 FROM "Person" m
                 JOIN "Person" l ON l.id = m."managerId" AND l."erasedAt" IS NULL
                 JOIN "ChannelIdentity" x ON x."personId" = l.id AND x."unreachableAt" IS NULL
                WHERE ${RELAYED_KINDS.includes(d.kind)} AND m.id = ${d.personId}::uuid
                  AND NOT EXISTS (SELECT 1 FROM "ChannelIdentity" o WHERE o."personId" = m.id)) i
              ORDER BY via, "lastSeenAt" DESC NULLS LAST, "createdAt" DESC LIMIT 1) AS ci ON true
      ON CONFLICT ("idempotencyKey") DO UPDATE
         SET status = EXCLUDED.status, "lastError" = EXCLUDED."lastError", "nextAttemptAt" = EXCLUDED."nextAttemptAt", "dueAt" = EXCLUDED."dueAt",
             platform = EXCLUDED.platform, "tenantId" = EXCLUDED."tenantId", payload = EXCLUDED.payload,
             attempts = 0, "leaseUntil" = NULL, "leasedBy" = NULL
       WHERE "OutboxMessage".status = 'CANCELLED'`;
  }
  return written;
}

export class PrismaOutboxRepository implements OutboxRepository {
  constructor(private readonly db: Prisma) {}

  enqueue(drafts: OutboxDraft[]) {
    return this.db.$transaction((tx) => enqueueInTx(tx, drafts));
  }

  async withdraw(personId: string, mentions: KindMention[], reason: string): Promise<number> {
    const named = mentions.map((m) => {
      const value = P.sql`o.payload->>${m.field}`;
      const refers =
        m.refersTo === 'person'
          ? P.sql`${value} = ${personId}`
          : P.sql`${value} IN (SELECT i.id::text FROM "KlusInterest" i WHERE i."personId" = ${personId}::uuid)`;
      return P.sql`(o.kind = ${m.kind} AND ${refers})`;
    });
    // Rows leased by a worker right now are left to it: they are being sent this second.
    return this.db.$executeRaw`
      UPDATE "OutboxMessage" o SET status = 'CANCELLED', "lastError" = ${reason}
       WHERE o.status = 'PENDING' AND (o."personId" = ${personId}::uuid ${named.length ? P.sql`OR ${P.join(named, ' OR ')}` : P.empty})`;
  }
}
