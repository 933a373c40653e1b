import { DomainError } from '../../core/errors.js';
import { overlaps } from '../../core/workshops/decide-signup.js';
import type { SignupCommand } from '../../core/workshops/workshops-repository.js';
import type { SignupOutcome, Workshop } from '../../core/workshops/workshop.js';
import type { Prisma } from '../database.js';
import { isUuid } from '../ids.js';
import type { DraftRow, SeatBatches, Taken } from './seat-batches.js';

/** The workshop as the sign-up read sees it: the stored row (status, not `cancelled`) and the person's own place. */
interface Before extends Omit<Workshop, 'cancelled'> {
  status: string;
  mine: 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED' | null;
  mySeq: number | null;
  /** The person's other live sign-ups, for the overlap rule (times in epoch milliseconds). */
  others: { title: string; startsAt: number; endsAt: number }[];
}

const toWorkshop = ({ status, openTo, mine: _m, mySeq: _s, others: _o, ...w }: Before): Workshop => ({
  ...w,
  cancelled: status === 'CANCELLED',
  openTo,
});

/** Everything the rules need, in one round trip and without a lock. */
async function readBefore(db: Prisma, workshopId: string, personId: string): Promise<Before | undefined> {
  const [row] = await db.$queryRaw<Before[]>`
    SELECT w.id::text, w.key, w.title, w.description, w.trainer, w.location, w."onlineUrl", w."startsAt", w."endsAt",
           w.capacity, w."confirmedCount", w.tags, w."signupDeadline", w.status::text AS status, w."icsToken",
           w."icsSequence", w."updatedAt",
           ARRAY(SELECT o."organizationId"::text FROM "WorkshopOpenTo" o WHERE o."workshopId" = w.id) AS "openTo",
           s.status::text AS mine, s."waitlistSeq" AS "mySeq",
           COALESCE((SELECT json_agg(json_build_object('title', x.title,
                                                   'startsAt', extract(epoch FROM x."startsAt") * 1000,
                                                   'endsAt', extract(epoch FROM x."endsAt") * 1000))
                       FROM "Signup" y JOIN "Workshop" x ON x.id = y."workshopId"
                      WHERE y."personId" = ${personId}::uuid AND y.status IN ('CONFIRMED', 'WAITLISTED')
                        AND x.id <> w.id AND x.status = 'SCHEDULED'), '[]'::json) AS others
      FROM "Workshop" w
      LEFT JOIN "Signup" s ON s."workshopId" = w.id AND s."personId" = ${personId}::uuid
     WHERE w.id = ${workshopId}::uuid`;
  return row;
}

/** The waitlist as it stands after the sign-up committed: everyone before the person has committed too. */
async function waitlist(db: Prisma, workshopId: string, seq: number | null): Promise<{ position: number | null; length: number }> {
  const [row] = await db.$queryRaw<{ position: number; length: number }[]>`
    SELECT (count(*) FILTER (WHERE "waitlistSeq" <= ${seq ?? 0}))::int AS position, count(*)::int AS length
      FROM "Signup" WHERE "workshopId" = ${workshopId}::uuid AND status = 'WAITLISTED'`;
  return { position: seq === null ? null : (row?.position ?? null), length: row?.length ?? 0 };
}

/**
 * Takes the seat, or the next waitlist place, in ONE statement run on its own (autocommit): the workshop row is
 * locked only while PostgreSQL runs it, never across a round trip to this process, so a rush on one workshop is
 * as fast as the server and not as slow as a busy event loop. The person's rules (organisation, deadline,
 * overlap) are decided before, by the core; the statement decides only what needs the lock: confirmed while
 * `confirmedCount < capacity` (the core's rule, see decideSignup), else waitlisted with the next number.
 * A person's second click finds their row (ON CONFLICT, which waits for the first click's commit) and changes
 * nothing. Reminders (outbox rows) are written by the same statement, addressed as enqueueInTx does.
 */
export async function takeSeat(db: Prisma, workshopId: string, personId: string, drafts: DraftRow[], now: Date, by: string | null = null): Promise<Taken | null> {
  const rows = await db.$queryRaw<{ status: 'CONFIRMED' | 'WAITLISTED'; seq: number | null; confirmedCount: number }[]>`
    WITH w AS (
      SELECT id, capacity, "confirmedCount", "waitlistSeq" FROM "Workshop"
       WHERE id = ${workshopId}::uuid AND status = 'SCHEDULED' FOR UPDATE
    ), s AS (
      INSERT INTO "Signup" (id, "workshopId", "personId", "signedUpById", status, "waitlistSeq", "confirmedAt", "cancelledAt", "updatedAt")
      SELECT gen_random_uuid(), w.id, ${personId}::uuid, ${by}::uuid,
             CASE WHEN w."confirmedCount" < w.capacity THEN 'CONFIRMED' ELSE 'WAITLISTED' END::"SignupStatus",
             CASE WHEN w."confirmedCount" < w.capacity THEN NULL ELSE w."waitlistSeq" + 1 END,
             CASE WHEN w."confirmedCount" < w.capacity THEN ${now}::timestamp END, NULL, ${now}::timestamp
        FROM w
      ON CONFLICT ("workshopId", "personId") DO UPDATE
         SET status = EXCLUDED.status, "waitlistSeq" = EXCLUDED."waitlistSeq", "confirmedAt" = EXCLUDED."confirmedAt",
             "cancelledAt" = NULL, "updatedAt" = EXCLUDED."updatedAt", "signedUpById" = EXCLUDED."signedUpById"
       WHERE "Signup".status = 'CANCELLED'
      RETURNING status, "waitlistSeq"
    ), counted AS (
      UPDATE "Workshop" AS t
         SET "confirmedCount" = w."confirmedCount" + (s.status = 'CONFIRMED')::int,
             "waitlistSeq" = w."waitlistSeq" + (s.status = 'WAITLISTED')::int
        FROM w, s
       WHERE t.id = w.id
      RETURNING t."confirmedCount"
    ), engaged AS (
      INSERT INTO "EngagementEvent" ("personId", kind, "refId", "occurredAt", data)
      SELECT ${personId}::uuid, CASE WHEN s.status = 'CONFIRMED' THEN 'workshop.signup' ELSE 'workshop.waitlist' END,
             ${workshopId}, ${now}::timestamp, CASE WHEN ${by}::uuid IS NOT NULL THEN jsonb_build_object('by', ${by}::text) END
        FROM s
    ), reminded AS (
      INSERT INTO "OutboxMessage" ("idempotencyKey", kind, "personId", platform, "tenantId", payload, status, "lastError", "nextAttemptAt")
      SELECT d.key, d.kind, ${personId}::uuid, COALESCE(ci.platform, 'CONSOLE'), COALESCE(ci."tenantId", ''), d.payload,
             CASE WHEN ci.platform IS NULL THEN 'FAILED' ELSE 'PENDING' END::"OutboxStatus",
             CASE WHEN ci.platform IS NULL THEN 'unreachable: no chat identity' END,
             d."notBefore"
        FROM s
        CROSS JOIN jsonb_to_recordset(${JSON.stringify(drafts)}::jsonb) AS d(key text, kind text, payload jsonb, "notBefore" timestamp)
        LEFT JOIN LATERAL (
             SELECT platform, "tenantId" FROM "ChannelIdentity"
              WHERE "personId" = ${personId}::uuid AND "unreachableAt" IS NULL
              ORDER BY "lastSeenAt" DESC NULLS LAST, "createdAt" DESC LIMIT 1) AS ci ON true
       WHERE s.status = 'CONFIRMED'
      ON CONFLICT ("idempotencyKey") DO UPDATE
         SET status = EXCLUDED.status, "lastError" = EXCLUDED."lastError", "nextAttemptAt" = EXCLUDED."nextAttemptAt",
             platform = EXCLUDED.platform, "tenantId" = EXCLUDED."tenantId", payload = EXCLUDED.payload,
             attempts = 0, "leaseUntil" = NULL, "leasedBy" = NULL
       WHERE "OutboxMessage".status = 'CANCELLED'
    )
    SELECT s.status::text AS status, s."waitlistSeq" AS seq, c."confirmedCount" FROM s, counted c`;
  return rows[0] ?? null;
}

/** A sign-up: the core's rules on a lock-free read, then one short statement (or batch, see seat-batches.ts) for the seat. */
export async function signUp(db: Prisma, seats: SeatBatches, cmd: SignupCommand): Promise<SignupOutcome> {
  if (!isUuid(cmd.workshopId) || !isUuid(cmd.personId)) throw new DomainError('not_found');
  const before = await readBefore(db, cmd.workshopId, cmd.personId);
  if (!before) throw new DomainError('not_found');
  const w = toWorkshop(before);
  const current = before.mine === 'CONFIRMED' || before.mine === 'WAITLISTED' ? before.mine : null;
  const clash = before.others.find((o) => overlaps({ startsAt: new Date(o.startsAt), endsAt: new Date(o.endsAt) }, w));
  const decision = cmd.decide({
    now: cmd.now,
    startsAt: w.startsAt,
    capacity: w.capacity,
    confirmedCount: w.confirmedCount,
    signupDeadline: w.signupDeadline,
    cancelled: w.cancelled,
    existing: current,
    overlapsWith: clash?.title ?? null,
    allowed: w.openTo.length === 0 || (cmd.organizationId !== null && w.openTo.includes(cmd.organizationId)),
  });
  if (decision === 'already_confirmed' || decision === 'already_waitlisted') return unchanged(db, before);
  const drafts = cmd.onConfirmed(w).map((d) => ({
    key: d.idempotencyKey,
    kind: d.kind,
    payload: d.payload,
    notBefore: (d.notBefore ?? cmd.now).toISOString(),
  }));
  const taken = await seats.take(w.id, cmd.personId, drafts, cmd.now, cmd.signedUpById ?? null);
  if (!taken) {
    // Nothing written: the person's other click got there first, or the workshop was cancelled meanwhile.
    const after = await readBefore(db, cmd.workshopId, cmd.personId);
    if (after?.mine === 'CONFIRMED' || after?.mine === 'WAITLISTED') return unchanged(db, after);
    throw new DomainError('workshop_cancelled');
  }
  const list = taken.waitlist ?? (await waitlist(db, w.id, taken.status === 'WAITLISTED' ? taken.seq : null));
  return {
    status: taken.status,
    position: list.position,
    unchanged: false,
    workshop: { ...w, confirmedCount: taken.confirmedCount },
    waitlistLength: list.length,
  };
}

async function unchanged(db: Prisma, b: Before): Promise<SignupOutcome> {
  const status = b.mine as 'CONFIRMED' | 'WAITLISTED';
  const list = await waitlist(db, b.id, status === 'WAITLISTED' ? b.mySeq : null);
  return { status, position: list.position, unchanged: true, workshop: toWorkshop(b), waitlistLength: list.length };
}
