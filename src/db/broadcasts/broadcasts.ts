import type { Audience, AudienceCount, Named, Broadcast, BroadcastButton, BroadcastContent, BroadcastInput, BroadcastStatus, Progress } from '../../core/broadcasts/broadcast.js';
import type { AuditNote, BroadcastRepository, StartSending, StatusChange } from '../../core/broadcasts/broadcast-repository.js';
import type { OutboxDraft } from '../../core/outbox.js';
import type { Role } from '../../core/people/person.js';
import { Prisma as P, type Broadcast as Row } from '../../generated/prisma/client.js';
import type { Prisma } from '../database.js';
import { audienceWhere, BEST_IDENTITY, plannedAt, SKIPPED } from './broadcast-sql.js';
import { enqueueInTx } from '../outbox/outbox.js';

type Tx = Parameters<Parameters<Prisma['$transaction']>[0]>[0];

// Writing 100,000 rows takes seconds, beyond Prisma's default of 5 s for an interactive transaction.
const BIG_TX = { timeout: 300_000, maxWait: 30_000 };
const ANALYZE_FROM = 1000;

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const named = (v: unknown): Named[] =>
  Array.isArray(v) ? v.filter((x): x is Named => typeof x?.id === 'string' && typeof x?.name === 'string').map((x) => ({ id: x.id, name: x.name })) : [];

function toBroadcast(r: Row): Broadcast {
  const a = (r.audience ?? {}) as Record<string, unknown>;
  const audience: Audience = {
    organizations: list(a.organizations),
    departments: list(a.departments),
    educationLevels: list(a.educationLevels),
    roles: list(a.roles) as Role[],
    tags: list(a.tags),
    groups: named(a.groups),
    managers: named(a.managers),
  };
  return {
    id: r.id,
    title: r.title,
    content: r.content as unknown as BroadcastContent,
    button: (r.button ?? null) as BroadcastButton | null,
    audience,
    scheduledAt: r.scheduledAt,
    status: r.status,
    createdById: r.createdById,
    approvedById: r.approvedById,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    recalledAt: r.recalledAt,
    recipientCount: r.recipientCount,
    updatedAt: r.updatedAt,
  };
}

const data = (input: BroadcastInput) => ({
  title: input.content.nl.title,
  content: input.content as unknown as P.InputJsonValue,
  button: input.button ? (input.button as unknown as P.InputJsonValue) : P.DbNull,
  audience: input.audience as unknown as P.InputJsonValue,
  scheduledAt: input.scheduledAt,
});

async function auditInTx(tx: Tx, broadcastId: string, notes: AuditNote[]) {
  await tx.auditLog.createMany({
    data: notes.map((n) => ({
      actor: n.actorId ?? 'system',
      actorId: n.actorId,
      action: n.action,
      subject: broadcastId,
      details: (n.details ?? {}) as P.InputJsonValue,
    })),
  });
}

/** Broadcasts and their outbox rows; every status change is conditional, so two clicks or replicas agree. */
export class PrismaBroadcastRepository implements BroadcastRepository {
  constructor(private readonly db: Prisma) {}

  async create(input: BroadcastInput, authorId: string, note: AuditNote) {
    return this.db.$transaction(async (tx) => {
      const r = await tx.broadcast.create({ data: { ...data(input), createdById: authorId } });
      await auditInTx(tx, r.id, [{ ...note, details: { title: r.title, audience: input.audience, ...note.details } }]);
      return toBroadcast(r);
    });
  }

  async update(id: string, input: BroadcastInput, note: AuditNote) {
    return this.db.$transaction(async (tx) => {
      // A changed message needs approval again.
      const n = await tx.broadcast.updateMany({
        where: { id, status: { in: ['DRAFT', 'PENDING_APPROVAL'] } },
        data: { ...data(input), status: 'DRAFT', approvedById: null },
      });
      if (n.count === 0) return null;
      await auditInTx(tx, id, [note]);
      return toBroadcast(await tx.broadcast.findUniqueOrThrow({ where: { id } }));
    });
  }

  async get(id: string) {
    const r = await this.db.broadcast.findUnique({ where: { id } });
    return r ? toBroadcast(r) : null;
  }

  async recent(limit: number) {
    return (await this.db.broadcast.findMany({ orderBy: { updatedAt: 'desc' }, take: limit })).map(toBroadcast);
  }

  async deleteDraft(id: string) {
    return (await this.db.broadcast.deleteMany({ where: { id, status: 'DRAFT' } })).count === 1;
  }

  organizations() {
    return this.db.organization.findMany({ select: { id: true, key: true, name: true }, orderBy: { name: 'asc' } });
  }

  async groups() {
    const rows = await this.db.directoryGroup.findMany({ select: { externalId: true, name: true }, orderBy: { name: 'asc' } });
    return rows.map((g) => ({ id: g.externalId, name: g.name }));
  }

  async teamLeaders() {
    return this.db.person.findMany({
      where: { erasedAt: null, deactivatedAt: null, reports: { some: { erasedAt: null } } },
      select: { id: true, name: true, email: true },
      orderBy: { name: 'asc' },
    });
  }

  async departments() {
    const rows = await this.db.$queryRaw<{ d: string }[]>`
      SELECT DISTINCT lower(trim(department)) AS d FROM "Person"
       WHERE "erasedAt" IS NULL AND department IS NOT NULL AND trim(department) <> '' ORDER BY 1 LIMIT 100`;
    return rows.map((r) => r.d);
  }

  upcomingWorkshops(from: Date, limit: number) {
    return this.db.workshop.findMany({
      where: { startsAt: { gt: from }, status: 'SCHEDULED' },
      select: { key: true, title: true },
      orderBy: { startsAt: 'asc' },
      take: limit,
    });
  }

  async countAudience(audience: Audience): Promise<AudienceCount> {
    const [r] = await this.db.$queryRaw<{ recipients: number; unreachable: number; skipped: number }[]>`
      SELECT count(*) FILTER (WHERE NOT skip)::int AS recipients,
             count(*) FILTER (WHERE NOT skip AND NOT reachable)::int AS unreachable,
             count(*) FILTER (WHERE skip)::int AS skipped
        FROM (SELECT ${SKIPPED} AS skip,
                     EXISTS (SELECT 1 FROM "ChannelIdentity" c WHERE c."personId" = p.id AND c."unreachableAt" IS NULL) AS reachable
                FROM "Person" p WHERE ${audienceWhere(audience)}) x`;
    return r ?? { recipients: 0, unreachable: 0, skipped: 0 };
  }

  async changeStatus(id: string, change: StatusChange) {
    return this.db.$transaction(async (tx) => {
      const n = await tx.broadcast.updateMany({
        where: { id, status: { in: change.from } },
        data: { status: change.to, ...(change.approvedById !== undefined ? { approvedById: change.approvedById } : {}) },
      });
      if (n.count === 0) return null;
      const b = toBroadcast(await tx.broadcast.findUniqueOrThrow({ where: { id } }));
      if (change.drafts) await enqueueInTx(tx, change.drafts(b));
      await auditInTx(tx, id, change.audit);
      return b;
    });
  }

  async startSending(id: string, start: StartSending) {
    const started = await this.db.$transaction(async (tx) => {
      const n = await tx.broadcast.updateMany({
        where: { id, status: { in: start.from } },
        data: { status: 'SENDING', startedAt: new Date(), ...(start.approvedById ? { approvedById: start.approvedById } : {}) },
      });
      if (n.count === 0) return null;
      const b = toBroadcast(await tx.broadcast.findUniqueOrThrow({ where: { id } }));
      // One statement for the whole audience: no list of people ever passes through this process.
      const recipients = await tx.$executeRaw`
        INSERT INTO "OutboxMessage" ("idempotencyKey", kind, "personId", platform, "tenantId", "broadcastId", payload,
                                     status, "lastError", "nextAttemptAt", "dueAt")
        SELECT 'broadcast:' || ${id} || ':' || p.id, 'broadcast.message', p.id, COALESCE(ci.platform, 'CONSOLE'),
               COALESCE(ci."tenantId", ''), ${id}::uuid, jsonb_build_object('broadcastId', ${id}::text),
               CASE WHEN ci.platform IS NULL THEN 'FAILED' ELSE 'PENDING' END::"OutboxStatus",
               CASE WHEN ci.platform IS NULL THEN 'unreachable: no chat identity' END,
               ${plannedAt(P.sql`ci.platform`, P.sql`ci."tenantId"`, P.sql`p.id`, start.pace)},
               ${plannedAt(P.sql`ci.platform`, P.sql`ci."tenantId"`, P.sql`p.id`, start.pace)}
          FROM "Person" p ${BEST_IDENTITY}
         WHERE ${audienceWhere(b.audience)} AND NOT ${SKIPPED}
        ON CONFLICT ("idempotencyKey") DO NOTHING`;
      await tx.broadcast.update({ where: { id }, data: { recipientCount: recipients } });
      await enqueueInTx(tx, start.drafts(b));
      await auditInTx(tx, id, start.audit.map((a) => (a.action === 'broadcast.send' ? { ...a, details: { ...a.details, recipients } } : a)));
      return { broadcast: { ...b, recipientCount: recipients }, recipients };
    }, BIG_TX);
    // Thousands of new rows at once: without fresh statistics the planner would take the outbox for a small
    // table and claim by scanning and sorting every due row, each time, until autovacuum comes by.
    if (started && started.recipients >= ANALYZE_FROM) await this.db.$executeRawUnsafe('ANALYZE "OutboxMessage"');
    return started;
  }

  async recall(id: string, note: AuditNote) {
    return this.db.$transaction(async (tx) => {
      const n = await tx.broadcast.updateMany({
        where: { id, status: { in: ['PENDING_APPROVAL', 'SCHEDULED', 'SENDING', 'SENT'] } },
        data: { status: 'RECALLED' },
      });
      if (n.count === 0) return null;
      await tx.$executeRaw`UPDATE "Broadcast" SET "recalledAt" = now() WHERE id = ${id}::uuid`;
      // Rows being sent right now finish; those that arrive are retracted by `retractLate`.
      const cancelled = await tx.$executeRaw`
        UPDATE "OutboxMessage" SET status = 'CANCELLED', "lastError" = 'recalled', "leaseUntil" = NULL
         WHERE "broadcastId" = ${id}::uuid AND status = 'PENDING'`;
      const retracted = await this.retractSent(tx, id, P.sql`true`);
      await auditInTx(tx, id, [{ ...note, details: { ...note.details, cancelled, retracted } }]);
      return { broadcast: toBroadcast(await tx.broadcast.findUniqueOrThrow({ where: { id } })), cancelled, retracted };
    }, BIG_TX);
  }

  async retractLate(id: string) {
    // A delivery recorded in a transaction that overlapped the recall may carry a time just before it.
    return this.retractSent(this.db, id, P.sql`o."sentAt" >= (SELECT "recalledAt" FROM "Broadcast" WHERE id = ${id}::uuid) - interval '1 minute'`);
  }

  /** A retraction row for every delivered message of the broadcast: its notice replaces (or deletes) it. */
  private retractSent(tx: Tx | Prisma, id: string, condition: P.Sql) {
    return tx.$executeRaw`
      INSERT INTO "OutboxMessage" ("idempotencyKey", kind, "personId", platform, "tenantId", payload, "nextAttemptAt")
      SELECT 'broadcast:' || ${id} || ':recall:' || o."personId", 'broadcast.recall', o."personId", o.platform, o."tenantId",
             jsonb_build_object('broadcastId', ${id}::text,
                                'edit', jsonb_build_object('ref', o."deliveredRef", 'mode', 'retract', 'fallback', 'send')),
             now()
        FROM "OutboxMessage" o
       WHERE o."broadcastId" = ${id}::uuid AND o.status = 'SENT' AND o."personId" IS NOT NULL AND ${condition}
      ON CONFLICT ("idempotencyKey") DO NOTHING`;
  }

  async progress(id: string): Promise<Progress> {
    const rows = await this.db.$queryRaw<{ status: string; n: number }[]>`
      SELECT status::text AS status, count(*)::int AS n FROM "OutboxMessage" WHERE "broadcastId" = ${id}::uuid GROUP BY status`;
    const [clicks] = await this.db.$queryRaw<{ n: number }[]>`
      SELECT count(DISTINCT "personId")::int AS n FROM "EngagementEvent" WHERE kind = 'broadcast.click' AND "refId" = ${id}`;
    const by = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
    const p = { sent: by('SENT'), failed: by('FAILED'), waiting: by('PENDING') + by('SENDING'), cancelled: by('CANCELLED'), clicks: clicks?.n ?? 0 };
    const [console] = await this.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "OutboxMessage"
       WHERE "broadcastId" = ${id}::uuid AND kind = 'broadcast.message' AND platform = 'CONSOLE' AND status = 'PENDING'`;
    const reasons = await this.db.$queryRaw<{ reason: string; count: number }[]>`
      SELECT COALESCE("lastError", '') AS reason, count(*)::int AS count FROM "OutboxMessage"
       WHERE "broadcastId" = ${id}::uuid AND kind = 'broadcast.message' AND status IN ('FAILED', 'CANCELLED')
       GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`;
    return { ...p, total: p.sent + p.failed + p.waiting + p.cancelled, inConsole: console?.n ?? 0, reasons };
  }

  async finish(id: string, drafts: (b: Broadcast) => OutboxDraft[], expiredBefore?: Date) {
    return this.db.$transaction(async (tx) => {
      if (expiredBefore) {
        await tx.$executeRaw`
          UPDATE "OutboxMessage" SET status = 'CANCELLED', "lastError" = 'expired: not sent in time'
           WHERE "broadcastId" = ${id}::uuid AND status = 'PENDING' AND platform <> 'CONSOLE' AND "dueAt" < ${expiredBefore}`;
      }
      const n = await tx.$executeRaw`
        UPDATE "Broadcast" SET status = 'SENT', "finishedAt" = now(), "updatedAt" = now()
         WHERE id = ${id}::uuid AND status = 'SENDING'
           AND NOT EXISTS (SELECT 1 FROM "OutboxMessage" WHERE "broadcastId" = ${id}::uuid AND status IN ('PENDING', 'SENDING')
                                                          AND NOT (platform = 'CONSOLE' AND status = 'PENDING'
                                                                   AND "dueAt" < now() - interval '1 minute'))`;
      if (n === 0) return false;
      const b = toBroadcast(await tx.broadcast.findUniqueOrThrow({ where: { id } }));
      await enqueueInTx(tx, drafts(b));
      await auditInTx(tx, id, [{ actorId: null, action: 'broadcast.finished', details: { title: b.title, recipients: b.recipientCount } }]);
      return true;
    });
  }

  async progressRef(id: string) {
    const b = await this.db.broadcast.findUnique({ where: { id }, select: { progressRef: true } });
    if (b?.progressRef !== null && b?.progressRef !== undefined) return b.progressRef;
    const row = await this.db.outboxMessage.findUnique({ where: { idempotencyKey: `broadcast:${id}:progress` }, select: { status: true, deliveredRef: true } });
    if (row?.status !== 'SENT' || row.deliveredRef === null) return null;
    await this.db.broadcast.update({ where: { id }, data: { progressRef: row.deliveredRef } });
    return row.deliveredRef;
  }

  async withStatus(status: BroadcastStatus) {
    return (await this.db.broadcast.findMany({ where: { status }, orderBy: { createdAt: 'asc' } })).map(toBroadcast);
  }

  async dueScheduled(now: Date) {
    const rows = await this.db.broadcast.findMany({ where: { status: 'SCHEDULED', scheduledAt: { lte: now } }, select: { id: true } });
    return rows.map((r) => r.id);
  }

  async recalledWithin(ms: number) {
    // Database time on both sides: "sentAt" and "recalledAt" are the database's clock too.
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Broadcast"
       WHERE status = 'RECALLED' AND "startedAt" IS NOT NULL AND "recalledAt" >= now() - make_interval(secs => ${ms / 1000}::float8)`;
    return rows.map((r) => r.id);
  }

  async approvers(exceptPersonId: string | null) {
    const rows = await this.db.person.findMany({
      where: { roles: { has: 'HR' }, erasedAt: null, ...(exceptPersonId ? { NOT: { id: exceptPersonId } } : {}) },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  async recordClick(id: string, personId: string, now: Date) {
    await this.db.engagementEvent.create({ data: { personId, kind: 'broadcast.click', refId: id, occurredAt: now } });
  }
}
