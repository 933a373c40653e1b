import type { Platform } from '../../core/ports.js';
import { RELAYED_KINDS } from '../../core/team/relay.js';
import type { BucketShare, ClaimedMessage, OutboxQueue } from '../../delivery/outbox-queue.js';
import { channelRecipient, recipientOf, type RecipientColumns } from '../../delivery/recipient.js';
import type { Prisma } from '../database.js';

// Expired leases first (their worker died), then due rows in the order they became due. Ordering by
// "nextAttemptAt" alone lets the (status, nextAttemptAt) index deliver rows in order and stop at LIMIT: a tie-break
// on id would sort every due row of a 100,000-row broadcast on each claim.
const CLAIM = `
WITH expired AS (
  SELECT id FROM "OutboxMessage"
   WHERE status = 'SENDING' AND "leaseUntil" < now() AND platform::text = ANY($4::text[])
   LIMIT $3 FOR UPDATE SKIP LOCKED),
due AS (
  SELECT id FROM "OutboxMessage"
   WHERE status = 'PENDING' AND "nextAttemptAt" <= now() AND platform::text = ANY($4::text[])
   ORDER BY "nextAttemptAt" LIMIT $3 FOR UPDATE SKIP LOCKED),
picked AS (SELECT id FROM expired UNION SELECT id FROM due LIMIT $3),
c AS (
  UPDATE "OutboxMessage" o
     SET status = 'SENDING', "leaseUntil" = now() + ($2 || ' milliseconds')::interval, "leasedBy" = $1,
         attempts = o.attempts + 1
    FROM picked WHERE o.id = picked.id
  RETURNING o.id, o."idempotencyKey", o.kind, o."personId", o.platform, o."tenantId", o."broadcastId", o.payload, o.attempts, o."dueAt")
SELECT c.id, c."idempotencyKey", c.kind, c."personId", c.platform::text AS platform, c."tenantId", c."broadcastId",
       c.payload, c.attempts, c."dueAt",
       p.id AS "pId", p.name AS "pName", p.email AS "pEmail", p.locale AS "pLocale", p.timezone AS "pTimezone",
       p."organizationId" AS "pOrganizationId", org.name AS "pOrganizationName", p.department AS "pDepartment",
       p."educationLevel" AS "pEducationLevel", p.roles::text[] AS "pRoles", p."managerId" AS "pManagerId",
       p.paused AS "pPaused", p."deactivatedAt" IS NOT NULL AS "pLeft", ARRAY(SELECT s.skill FROM "PersonSkill" s WHERE s."personId" = p.id ORDER BY s.skill) AS "pSkills",
       ci.id AS "ciId", ci.platform::text AS "ciPlatform", ci."tenantId" AS "ciTenantId", ci."userId" AS "ciUserId",
       ci."conversationRef" AS "ciConversationRef", ci."serviceUrl" AS "ciServiceUrl", ci.via AS "ciVia", ci."viaLocale" AS "ciViaLocale"
  FROM c
  LEFT JOIN "Person" p ON p.id = c."personId" AND p."erasedAt" IS NULL
  LEFT JOIN "Organization" org ON org.id = p."organizationId"
  LEFT JOIN LATERAL (
       -- The tenant is known only after the first contact of an imported person, so it ranks but does not filter.
       -- Platform compared as text: only the personId index fits this lookup, whatever the statistics say.
       SELECT * FROM (
         SELECT id, platform, "tenantId", "userId", "conversationRef", "serviceUrl", "lastSeenAt", "createdAt",
                false AS via, NULL::text AS "viaLocale"
           FROM "ChannelIdentity"
          WHERE "personId" = p.id AND platform::text = c.platform::text AND "unreachableAt" IS NULL
         UNION ALL
         -- A person without any chat account gets the relayed kinds through their team leader (core/team/relay.ts).
         SELECT x.id, x.platform, x."tenantId", x."userId", x."conversationRef", x."serviceUrl", x."lastSeenAt", x."createdAt",
                true, l.locale
           FROM "Person" l JOIN "ChannelIdentity" x ON x."personId" = l.id
          WHERE l.id = p."managerId" AND l."erasedAt" IS NULL AND c.kind = ANY($5::text[])
            AND x.platform::text = c.platform::text AND x."unreachableAt" IS NULL
            AND NOT EXISTS (SELECT 1 FROM "ChannelIdentity" o WHERE o."personId" = p.id)) i
        ORDER BY via, ("tenantId" = c."tenantId") DESC, "lastSeenAt" DESC NULLS LAST, "createdAt" DESC LIMIT 1) ci ON true`;

/**
 * The outbox table as a work queue. Claiming uses FOR UPDATE SKIP LOCKED and a lease, so several workers and
 * replicas share the rows and each row has one owner at a time; a row whose lease ran out (its worker died) is
 * claimable again. Every state change checks the lease holder, so a worker that lost its lease changes nothing.
 */
type ClaimRow = Omit<ClaimedMessage, 'recipient'> & RecipientColumns & { pLeft: boolean | null };

export class OutboxStore implements OutboxQueue {
  constructor(
    private readonly db: Prisma,
    private readonly defaultLocale: 'nl' | 'en' = 'nl',
  ) {}

  async claim(workerId: string, limit: number, leaseMs: number, platforms: Platform[]): Promise<ClaimedMessage[]> {
    if (platforms.length === 0 || limit <= 0) return [];
    const rows = await this.db.$queryRawUnsafe<ClaimRow[]>(CLAIM, workerId, String(leaseMs), limit, platforms, RELAYED_KINDS);
    return rows.map((r) => ({
      id: BigInt(r.id),
      idempotencyKey: r.idempotencyKey,
      kind: r.kind,
      personId: r.personId,
      platform: r.platform,
      tenantId: r.tenantId,
      broadcastId: r.broadcastId,
      payload: r.payload,
      attempts: r.attempts,
      personLeft: r.pLeft === true,
      dueAt: new Date(r.dueAt),
      recipient: r.personId ? recipientOf(r, r.platform, this.defaultLocale) : channelRecipient(r.payload, r.platform, r.tenantId, this.defaultLocale),
    }));
  }

  async sent(id: bigint, workerId: string, ref: unknown) {
    await this.sentMany(workerId, [{ id, ref }]);
  }

  /** Records many deliveries in one statement (the worker batches them: one round trip per batch, not per row). */
  async sentMany(workerId: string, rows: { id: bigint; ref: unknown }[]) {
    if (rows.length === 0) return;
    await this.db.$executeRawUnsafe(
      `UPDATE "OutboxMessage" o
          SET status = 'SENT', "sentAt" = now(), "leaseUntil" = NULL, "lastError" = NULL, "deliveredRef" = v.ref
         FROM (SELECT unnest($2::text[])::bigint AS id, unnest($3::text[])::jsonb AS ref) v
        WHERE o.id = v.id AND o."leasedBy" = $1 AND o.status = 'SENDING'`,
      workerId,
      rows.map((r) => String(r.id)),
      rows.map((r) => JSON.stringify(r.ref ?? null)),
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

  /**
   * Hands claimed rows back without an attempt: their bucket is busy for a while (they come back when it is free),
   * or the worker stops. Unlike `retry`, the attempt the claim counted is taken back.
   */
  async release(workerId: string, rows: { id: bigint; delayMs: number }[]) {
    if (rows.length === 0) return;
    await this.db.$executeRawUnsafe(
      `UPDATE "OutboxMessage" o
          SET status = 'PENDING', "leaseUntil" = NULL, attempts = GREATEST(0, o.attempts - 1),
              "nextAttemptAt" = now() + (v.delay || ' milliseconds')::interval
         FROM (SELECT unnest($2::text[])::bigint AS id, unnest($3::text[]) AS delay) v
        WHERE o.id = v.id AND o."leasedBy" = $1 AND o.status = 'SENDING'`,
      workerId,
      rows.map((r) => String(r.id)),
      rows.map((r) => String(Math.max(0, Math.round(r.delayMs)))),
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

  async keepConversation(identityId: string, conversationRef: unknown) {
    await this.db.channelIdentity.update({ where: { id: identityId }, data: { conversationRef: conversationRef as object } });
  }

  async markUnreachable(identityId: string, reason: string) {
    await this.db.channelIdentity.update({ where: { id: identityId }, data: { unreachableAt: new Date(), unreachableReason: reason.slice(0, 500) } });
  }

  /** Workers holding live leases per bucket; few rows are SENDING at any time, so this is cheap. */
  async shares(): Promise<BucketShare[]> {
    return this.db.$queryRawUnsafe<BucketShare[]>(
      `SELECT platform::text AS platform, "tenantId", count(DISTINCT "leasedBy")::int AS workers
         FROM "OutboxMessage" WHERE status = 'SENDING' AND "leaseUntil" > now() GROUP BY 1, 2`,
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
