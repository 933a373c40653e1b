import type { Prisma } from '../database.js';

/** An outbox row to write when the person gets a seat (reminders), as the statements take it. */
export interface DraftRow {
  key: string;
  kind: string;
  payload: Record<string, unknown>;
  notBefore: string;
}

/** What a sign-up got: a seat or a waitlist number (null: nothing written, see signup.ts). */
export interface Taken {
  status: 'CONFIRMED' | 'WAITLISTED';
  seq: number | null;
  confirmedCount: number;
  /** The waitlist right after this write, when the write could see it exactly (a batch, under the lock). */
  waitlist?: { position: number | null; length: number };
}

interface Claim {
  personId: string;
  drafts: DraftRow[];
  now: Date;
  /** The team leader who signs the person up for them, or null. */
  by: string | null;
  resolve(t: Taken | null): void;
  reject(err: unknown): void;
}

/** A batch is one transaction; past this size the rest waits for the next one. */
const MAX_BATCH = 500;

/** Outbox rows as enqueueInTx writes them: addressed to the person's most recently seen reachable identity. */
const REMINDERS_SQL = `
  INSERT INTO "OutboxMessage" ("idempotencyKey", kind, "personId", platform, "tenantId", payload, status, "lastError", "nextAttemptAt")
  SELECT d.key, d.kind, s."personId", COALESCE(ci.platform, 'CONSOLE'), COALESCE(ci."tenantId", ''), d.payload,
         CASE WHEN ci.platform IS NULL THEN 'FAILED' ELSE 'PENDING' END::"OutboxStatus",
         CASE WHEN ci.platform IS NULL THEN 'unreachable: no chat identity' END,
         d."notBefore"
    FROM s
    JOIN input i ON i.person = s."personId"
    CROSS JOIN jsonb_to_recordset(i.drafts) AS d(key text, kind text, payload jsonb, "notBefore" timestamp)
    LEFT JOIN LATERAL (
         SELECT platform, "tenantId" FROM "ChannelIdentity"
          WHERE "personId" = s."personId" AND "unreachableAt" IS NULL
          ORDER BY "lastSeenAt" DESC NULLS LAST, "createdAt" DESC LIMIT 1) AS ci ON true
   WHERE s.status = 'CONFIRMED'
  ON CONFLICT ("idempotencyKey") DO UPDATE
     SET status = EXCLUDED.status, "lastError" = EXCLUDED."lastError", "nextAttemptAt" = EXCLUDED."nextAttemptAt",
         platform = EXCLUDED.platform, "tenantId" = EXCLUDED."tenantId", payload = EXCLUDED.payload,
         attempts = 0, "leaseUntil" = NULL, "leasedBy" = NULL
   WHERE "OutboxMessage".status = 'CANCELLED'`;

/**
 * The seats of one workshop are handed out under its row lock, and every transaction that holds that lock must
 * also wait for its commit to reach the disk: in a rush the lock, not the server, sets the pace. So sign-ups for
 * the same workshop that arrive while one is being written are written together, in arrival order, in the next
 * transaction: one lock and one commit for all of them. A sign-up on its own is one autocommit statement.
 */
export class SeatBatches {
  private readonly pending = new Map<string, Claim[]>();
  private readonly busy = new Set<string>();

  constructor(
    private readonly db: Prisma,
    /** The statement for one sign-up alone (signup.ts). */
    private readonly single: (db: Prisma, workshopId: string, personId: string, drafts: DraftRow[], now: Date, by: string | null) => Promise<Taken | null>,
  ) {}

  take(workshopId: string, personId: string, drafts: DraftRow[], now: Date, by: string | null = null): Promise<Taken | null> {
    return new Promise<Taken | null>((resolve, reject) => {
      const list = this.pending.get(workshopId) ?? [];
      list.push({ personId, drafts, now, by, resolve, reject });
      this.pending.set(workshopId, list);
      if (!this.busy.has(workshopId)) void this.drain(workshopId);
    });
  }

  private async drain(workshopId: string) {
    this.busy.add(workshopId);
    try {
      for (;;) {
        const waiting = this.pending.get(workshopId) ?? [];
        if (waiting.length === 0) break;
        // One row per person and transaction (ON CONFLICT may touch a row once): a second click waits a turn.
        const seen = new Set<string>();
        const batch: Claim[] = [];
        const later: Claim[] = [];
        for (const c of waiting) (batch.length < MAX_BATCH && !seen.has(c.personId) ? (seen.add(c.personId), batch) : later).push(c);
        if (later.length) this.pending.set(workshopId, later);
        else this.pending.delete(workshopId);
        await this.write(workshopId, batch);
      }
    } finally {
      this.busy.delete(workshopId);
    }
  }

  private async write(workshopId: string, batch: Claim[]) {
    if (batch.length === 1) {
      const c = batch[0]!;
      return this.single(this.db, workshopId, c.personId, c.drafts, c.now, c.by).then(c.resolve, c.reject);
    }
    try {
      const taken = await this.together(workshopId, batch);
      for (const c of batch) c.resolve(taken.get(c.personId) ?? null);
    } catch {
      // One sign-up that cannot be written (a person erased meanwhile) must not fail the others: one by one.
      for (const c of batch) await this.single(this.db, workshopId, c.personId, c.drafts, c.now, c.by).then(c.resolve, c.reject);
    }
  }

  /**
   * Lock, then decide in a second statement: its snapshot is taken after the lock, so it sees every sign-up
   * committed before (a single statement's snapshot predates its wait for the lock), and can tell each person
   * their waitlist place without another query. The n-th person without a
   * live sign-up gets a seat while `confirmedCount + n <= capacity` (the core's rule, see decideSignup), else
   * the next waitlist number.
   */
  private async together(workshopId: string, batch: Claim[]): Promise<Map<string, Taken>> {
    const now = batch[0]!.now;
    const input = JSON.stringify(batch.map((c, ord) => ({ person: c.personId, ord, drafts: c.drafts, by: c.by })));
    const rows = await this.db.$transaction(async (tx) => {
      const [w] = await tx.$queryRaw<{ capacity: number; confirmedCount: number; waitlistSeq: number }[]>`
        SELECT capacity, "confirmedCount", "waitlistSeq" FROM "Workshop"
         WHERE id = ${workshopId}::uuid AND status = 'SCHEDULED' FOR UPDATE`;
      if (!w) return [];
      const free = Math.max(0, w.capacity - w.confirmedCount);
      return tx.$queryRawUnsafe<
        { personId: string; status: 'CONFIRMED' | 'WAITLISTED'; seq: number | null; confirmedCount: number; position: number | null; length: number }[]
      >(
        `WITH input AS (
           SELECT x.person::uuid AS person, x.ord, x.drafts, x.by::uuid AS by FROM jsonb_to_recordset($1::jsonb) AS x(person text, ord int, drafts jsonb, by text)
         ), waiting AS (
           SELECT count(*)::int AS n FROM "Signup" WHERE "workshopId" = $2::uuid AND status = 'WAITLISTED'
         ), fresh AS (
           SELECT i.person, i.by, row_number() OVER (ORDER BY i.ord) AS n FROM input i
            WHERE NOT EXISTS (SELECT 1 FROM "Signup" x WHERE x."workshopId" = $2::uuid AND x."personId" = i.person AND x.status <> 'CANCELLED')
         ), s AS (
           INSERT INTO "Signup" (id, "workshopId", "personId", "signedUpById", status, "waitlistSeq", "confirmedAt", "cancelledAt", "updatedAt")
           SELECT gen_random_uuid(), $2::uuid, f.person, f.by,
                  CASE WHEN f.n <= $3 THEN 'CONFIRMED' ELSE 'WAITLISTED' END::"SignupStatus",
                  CASE WHEN f.n <= $3 THEN NULL ELSE $4 + f.n - $3 END,
                  CASE WHEN f.n <= $3 THEN $5::timestamp END, NULL, $5::timestamp
             FROM fresh f
           ON CONFLICT ("workshopId", "personId") DO UPDATE
              SET status = EXCLUDED.status, "waitlistSeq" = EXCLUDED."waitlistSeq", "confirmedAt" = EXCLUDED."confirmedAt",
                  "cancelledAt" = NULL, "updatedAt" = EXCLUDED."updatedAt", "signedUpById" = EXCLUDED."signedUpById"
            WHERE "Signup".status = 'CANCELLED'
           RETURNING "personId", status, "waitlistSeq", "signedUpById"
         ), counted AS (
           UPDATE "Workshop"
              SET "confirmedCount" = "confirmedCount" + (SELECT count(*) FROM s WHERE status = 'CONFIRMED'),
                  "waitlistSeq" = GREATEST("waitlistSeq", COALESCE((SELECT max("waitlistSeq") FROM s), 0))
            WHERE id = $2::uuid
           RETURNING "confirmedCount"
         ), engaged AS (
           INSERT INTO "EngagementEvent" ("personId", kind, "refId", "occurredAt", data)
           SELECT s."personId", CASE WHEN s.status = 'CONFIRMED' THEN 'workshop.signup' ELSE 'workshop.waitlist' END, $2::text, $5::timestamp,
                  CASE WHEN s."signedUpById" IS NOT NULL THEN jsonb_build_object('by', s."signedUpById"::text) END
             FROM s
         ), reminded AS (${REMINDERS_SQL})
         SELECT s."personId"::text AS "personId", s.status::text AS status, s."waitlistSeq" AS seq, c."confirmedCount",
                CASE WHEN s.status = 'WAITLISTED'
                     THEN (q.n + count(*) FILTER (WHERE s.status = 'WAITLISTED') OVER (ORDER BY s."waitlistSeq" NULLS FIRST))::int END AS position,
                (q.n + count(*) FILTER (WHERE s.status = 'WAITLISTED') OVER ())::int AS length
           FROM s, counted c, waiting q`,
        input,
        workshopId,
        free,
        w.waitlistSeq,
        now.toISOString(),
      );
    }, { maxWait: 30_000, timeout: 30_000 });
    // The lock was taken before this statement's snapshot: the waitlist it counts is the whole waitlist.
    return new Map(
      rows.map((r) => [r.personId, { status: r.status, seq: r.seq, confirmedCount: r.confirmedCount, waitlist: { position: r.position, length: r.length } }]),
    );
  }
}
