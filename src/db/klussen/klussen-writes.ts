import { randomUUID } from 'node:crypto';
import { DomainError } from '../../core/errors.js';
import type { InterestDetails, Klus, KlusInput } from '../../core/klussen/klus.js';
import { klusChannelOf } from '../../core/klussen/klus-channel.js';
import type {
  ConfirmSkillsCommand,
  FinishCommand,
  InterestChange,
  JoinCommand,
  PublishCommand,
} from '../../core/klussen/klussen-repository.js';
import type { Prisma } from '../database.js';
import { isUuid } from '../ids.js';
import { include, loadDetails, toInterest, toKlus, type Tx } from './klussen-rows.js';
import { enqueueInTx } from '../outbox/outbox.js';

/** Klussen posted in chat get a key of their own kind, apart from the keys CSV imports choose. */
export async function createDraft(db: Prisma, input: KlusInput, ownerId: string, organizationId: string | null) {
  const r = await db.klus.create({ data: { key: `chat-${randomUUID()}`, ...input, status: 'DRAFT', ownerId, organizationId }, include });
  return toKlus(r);
}

export async function updateDraft(db: Prisma, id: string, input: KlusInput) {
  if (!isUuid(id)) return null;
  const { count } = await db.klus.updateMany({ where: { id, status: 'DRAFT' }, data: input });
  if (count === 0) return null;
  return toKlus(await db.klus.findUniqueOrThrow({ where: { id }, include }));
}

export async function deleteDraft(db: Prisma, id: string) {
  if (!isUuid(id)) return false;
  return (await db.klus.deleteMany({ where: { id, status: 'DRAFT' } })).count > 0;
}

const lockKlus = async (tx: Tx, id: string) =>
  (await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Klus" WHERE id = ${id}::uuid FOR UPDATE`).length > 0;

export async function publish(db: Prisma, cmd: PublishCommand) {
  if (!isUuid(cmd.klusId)) return null;
  return db.$transaction(async (tx) => {
    const { count } = await tx.klus.updateMany({ where: { id: cmd.klusId, status: 'DRAFT' }, data: { status: 'OPEN', publishedAt: cmd.now } });
    if (count === 0) return null;
    const row = await tx.klus.findUniqueOrThrow({ where: { id: cmd.klusId }, include: { organization: { select: { name: true, klusChannel: true } } } });
    const klus = toKlus(row);
    // One fan-out at a time: two klussen published together cannot both pass one person's weekly cap.
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext('klus.match'))) AS l`;
    const people = await tx.$queryRaw<{ id: string }[]>`
      SELECT p.id FROM "Person" p
       WHERE p."erasedAt" IS NULL AND NOT p.paused AND NOT ('klussen' = ANY(p."optOuts"))
         AND p.id IS DISTINCT FROM ${klus.ownerId}::uuid
         AND (${klus.openToRegion} OR p."organizationId" = ${klus.organizationId}::uuid)
         AND EXISTS (SELECT 1 FROM "PersonSkill" s WHERE s."personId" = p.id AND s.skill = ANY(${klus.skills}::text[]))
         AND NOT EXISTS (SELECT 1 FROM "KlusInterest" i WHERE i."klusId" = ${klus.id}::uuid AND i."personId" = p.id)
         AND NOT EXISTS (SELECT 1 FROM "OutboxMessage" o
                          WHERE o."personId" = p.id AND o.kind = 'klus.match' AND o.status IN ('PENDING', 'SENDING', 'SENT')
                            AND o."nextAttemptAt" > ${cmd.capSince})`;
    await enqueueInTx(tx, people.map((p) => cmd.matchDraft(klus, p.id)));
    const channel = klusChannelOf(row.organization?.klusChannel);
    if (channel) await enqueueAnnouncement(tx, klus, channel, cmd.announceDraft(klus, channel));
    return { klus, matched: people.length };
  });
}

/**
 * An announcement addresses a channel, not a person: it is written with no person and the Slack channel in its
 * payload, in the workspace where the poster (or else a colleague of the organisation) is seen on Slack.
 */
async function enqueueAnnouncement(tx: Tx, klus: Klus, channel: string, d: Omit<Parameters<typeof enqueueInTx>[1][number], 'personId'>) {
  const onSlack = { platform: 'SLACK' as const, unreachableAt: null };
  const newest = { lastSeenAt: { sort: 'desc', nulls: 'last' } } as const;
  const via =
    (klus.ownerId ? await tx.channelIdentity.findFirst({ where: { personId: klus.ownerId, ...onSlack }, orderBy: newest }) : null) ??
    (klus.organizationId ? await tx.channelIdentity.findFirst({ where: { ...onSlack, person: { organizationId: klus.organizationId } }, orderBy: newest }) : null);
  if (!via) return;
  await tx.outboxMessage.createMany({
    data: [{ idempotencyKey: d.idempotencyKey, kind: d.kind, platform: via.platform, tenantId: via.tenantId, payload: d.payload as object, nextAttemptAt: d.notBefore ?? new Date(), dueAt: d.notBefore ?? new Date() }],
    skipDuplicates: true,
  });
}

export async function join(db: Prisma, cmd: JoinCommand) {
  if (!isUuid(cmd.klusId)) throw new DomainError('not_found');
  return db.$transaction(async (tx) => {
    // The klus row lock orders joins against filling or closing it.
    if (!(await lockKlus(tx, cmd.klusId))) throw new DomainError('not_found');
    const klus = toKlus(await tx.klus.findUniqueOrThrow({ where: { id: cmd.klusId }, include }));
    const where = { klusId_personId: { klusId: cmd.klusId, personId: cmd.personId } };
    const found = await tx.klusInterest.findUnique({ where });
    const before = found ? toInterest(found) : null;
    const plan = cmd.decide(klus, before);
    const data = {
      status: 'INTERESTED' as const,
      motivation: plan.motivation,
      releaseStatus: plan.releaseStatus,
      releaserId: plan.releaserId,
      decidedAt: null,
    };
    const row = await tx.klusInterest.upsert({
      where,
      create: { klusId: cmd.klusId, personId: cmd.personId, ...data },
      update: plan.unchanged ? { motivation: plan.motivation } : data,
    });
    const after = toInterest(row);
    if (!plan.unchanged) {
      await enqueueInTx(tx, cmd.drafts(klus, after));
      await tx.engagementEvent.create({ data: { personId: cmd.personId, kind: 'klus.interest', refId: klus.id, occurredAt: cmd.now } });
    }
    return { klus, before, after };
  });
}

export async function transition(db: Prisma, id: string, decide: (current: InterestDetails) => InterestChange | null) {
  if (!isUuid(id)) return null;
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "KlusInterest" WHERE id = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) return null;
    const before = (await loadDetails(tx, id))!;
    const change = decide(before);
    if (!change) return { before, after: before };
    const { drafts, ...data } = change;
    await tx.klusInterest.update({ where: { id }, data });
    if (drafts?.length) await enqueueInTx(tx, drafts);
    return { before, after: (await loadDetails(tx, id))! };
  });
}

export async function finish(db: Prisma, cmd: FinishCommand) {
  if (!isUuid(cmd.klusId)) return null;
  return db.$transaction(async (tx) => {
    if (!(await lockKlus(tx, cmd.klusId))) return null;
    const current = toKlus(await tx.klus.findUniqueOrThrow({ where: { id: cmd.klusId }, include }));
    if (cmd.check(current) === 'already') return { klus: current, declined: 0, already: true };
    const klus = toKlus(await tx.klus.update({ where: { id: cmd.klusId }, data: { status: cmd.to, closedAt: cmd.now }, include }));
    const waiting = await tx.klusInterest.findMany({ where: { klusId: cmd.klusId, status: 'INTERESTED' } });
    await tx.klusInterest.updateMany({ where: { id: { in: waiting.map((w) => w.id) } }, data: { status: 'DECLINED', decidedAt: cmd.now } });
    const declined = waiting.map((w) => ({ ...toInterest(w), status: 'DECLINED' as const, decidedAt: cmd.now }));
    await enqueueInTx(tx, cmd.drafts(klus, declined));
    return { klus, declined: declined.length, already: false };
  });
}

export async function expireDue(db: Prisma, now: Date, drafts: (klus: Klus) => Parameters<typeof enqueueInTx>[1]) {
  return db.$transaction(async (tx) => {
    // One statement decides which klussen expire, so a klus closed at the same moment is not expired too.
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Klus" SET status = 'EXPIRED', "closedAt" = ${now}, "updatedAt" = ${now}
       WHERE status = 'OPEN' AND deadline < ${now} RETURNING id`;
    if (rows.length === 0) return [];
    const expired = (await tx.klus.findMany({ where: { id: { in: rows.map((r) => r.id) } }, include })).map(toKlus);
    await enqueueInTx(tx, expired.flatMap(drafts));
    return expired;
  });
}

export async function confirmSkills(db: Prisma, cmd: ConfirmSkillsCommand) {
  await db.$transaction(async (tx) => {
    for (const skill of cmd.skills) {
      const confirmed = { confirmedById: cmd.confirmedById, confirmedAt: cmd.now };
      await tx.personSkill.upsert({
        where: { personId_skill: { personId: cmd.personId, skill } },
        create: { personId: cmd.personId, skill, ...confirmed },
        update: confirmed,
      });
    }
    await enqueueInTx(tx, cmd.drafts);
  });
}
