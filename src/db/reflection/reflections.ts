import type { OutboxDraft } from '../../core/outbox.js';
import type { Answer, Delivery, DeliveryReason, DeliveryStatus, Prompt, PromptKind } from '../../core/reflection/prompt.js';
import type { ReflectionRepository } from '../../core/reflection/reflection-repository.js';
import type { Prisma as P } from '../../generated/prisma/client.js';
import type { Prisma } from '../database.js';
import { isUuid } from '../ids.js';
import { enqueueInTx } from '../outbox/outbox.js';

export const toPrompt = (r: P.PromptGetPayload<object>): Prompt => ({
  id: r.id,
  key: r.key,
  kind: r.kind as PromptKind,
  theme: r.theme,
  audiences: r.audiences,
  text: { nl: r.textNl, en: r.textEn },
  followUp: r.followUpNl && r.followUpEn ? { nl: r.followUpNl, en: r.followUpEn } : null,
});

const deliveryInclude = { prompt: true, reflections: { select: { isFollowUp: true, createdAt: true } } } as const;
type DeliveryRow = P.PromptDeliveryGetPayload<{ include: typeof deliveryInclude }>;

const toDelivery = (d: DeliveryRow): Delivery => ({
  id: d.id,
  prompt: toPrompt(d.prompt),
  reason: d.reason as DeliveryReason,
  refId: d.refId,
  status: d.status as DeliveryStatus,
  sentAt: d.sentAt,
  awaitingFollowUp: d.status === 'SENT' && !!d.prompt.followUpNl && d.reflections.some((r) => !r.isFollowUp),
  askedAt: new Date(Math.max(d.sentAt.getTime(), ...d.reflections.map((r) => r.createdAt.getTime()))),
  pendingAnswer: d.pendingAnswer,
});

export class PrismaReflectionRepository implements ReflectionRepository {
  constructor(private readonly db: Prisma) {}

  async pickPrompt(personId: string, audiences: string[], theme?: string): Promise<Prompt | null> {
    const fitting = { active: true, OR: [{ audiences: { isEmpty: true } }, { audiences: { hasSome: audiences } }] };
    const load = (where: P.PromptWhereInput) =>
      this.db.prompt.findMany({
        where,
        include: { deliveries: { where: { personId }, orderBy: { sentAt: 'desc' }, take: 1, select: { sentAt: true } } },
      });
    // A theme narrows the choice (a workshop's follow-up); without prompts of that theme any fitting prompt will do.
    let candidates = theme ? await load({ ...fitting, theme }) : [];
    if (candidates.length === 0) candidates = await load(fitting);
    if (candidates.length === 0) return null;
    // Never asked first, then the longest ago; prompts for the person's own audience before general ones.
    const scored = candidates
      .map((c) => ({
        c,
        last: c.deliveries[0]?.sentAt.getTime() ?? 0,
        own: c.audiences.some((a) => audiences.includes(a)) ? 0 : 1,
      }))
      .sort((a, b) => a.last - b.last || a.own - b.own || a.c.key.localeCompare(b.c.key));
    return toPrompt(scored[0]!.c);
  }

  async getPrompt(promptId: string) {
    if (!isUuid(promptId)) return null;
    const p = await this.db.prompt.findUnique({ where: { id: promptId } });
    return p ? toPrompt(p) : null;
  }

  async createDelivery(personId: string, promptId: string, reason: DeliveryReason, now: Date, refId?: string) {
    const d = await this.db.promptDelivery.create({ data: { personId, promptId, reason, sentAt: now, refId: refId ?? null } });
    return d.id;
  }

  async deliveryByRef(personId: string, refId: string) {
    const d = await this.db.promptDelivery.findFirst({ where: { personId, refId }, orderBy: { sentAt: 'desc' }, include: deliveryInclude });
    return d ? toDelivery(d) : null;
  }

  async ownDelivery(personId: string, deliveryId: string) {
    if (!isUuid(deliveryId)) return null;
    const d = await this.db.promptDelivery.findFirst({ where: { id: deliveryId, personId }, include: deliveryInclude });
    return d ? toDelivery(d) : null;
  }

  async openDelivery(personId: string, since: Date) {
    const d = await this.db.promptDelivery.findFirst({
      where: { personId, status: 'SENT', sentAt: { gte: since } },
      orderBy: { sentAt: 'desc' },
      include: deliveryInclude,
    });
    return d ? toDelivery(d) : null;
  }

  async answer(deliveryId: string, personId: string, answer: Answer, followUp: boolean, now: Date) {
    if (!isUuid(deliveryId)) return false;
    return this.db.$transaction(async (tx) => {
      const d = await tx.promptDelivery.findFirst({
        where: { id: deliveryId, personId, status: { in: ['SENT', 'SNOOZED'] } },
        include: { prompt: true, reflections: { select: { isFollowUp: true } } },
      });
      if (!d) return false;
      const first = !d.reflections.some((r) => !r.isFollowUp);
      await tx.reflection.create({
        data: { personId, deliveryId, text: answer.text, scale: answer.scale, isFollowUp: followUp, createdAt: now },
      });
      // A prompt with a follow-up question stays open for that second answer; everything else is answered now.
      const done = followUp || !d.prompt.followUpNl;
      await tx.promptDelivery.update({
        where: { id: d.id },
        data: done
          ? { status: 'ANSWERED', answeredAt: now, snoozedUntil: null, pendingAnswer: null }
          : { status: 'SENT', snoozedUntil: null, pendingAnswer: null },
      });
      if (first && !followUp) {
        await tx.engagementEvent.create({
          data: { personId, kind: 'prompt.answered', refId: d.promptId, occurredAt: now, data: { reason: d.reason } },
        });
      }
      return true;
    });
  }

  async expire(personId: string, before: Date) {
    const r = await this.db.promptDelivery.updateMany({
      where: { personId, status: 'SENT', sentAt: { lt: before } },
      data: { status: 'EXPIRED', pendingAnswer: null },
    });
    return r.count;
  }

  async setPending(deliveryId: string, personId: string, text: string | null) {
    if (!isUuid(deliveryId)) return false;
    const r = await this.db.promptDelivery.updateMany({ where: { id: deliveryId, personId, status: 'SENT' }, data: { pendingAnswer: text } });
    return r.count > 0;
  }

  async skip(deliveryId: string, personId: string, now: Date) {
    if (!isUuid(deliveryId)) return false;
    return this.db.$transaction(async (tx) => {
      const d = await tx.promptDelivery.findFirst({ where: { id: deliveryId, personId, status: { in: ['SENT', 'SNOOZED'] } } });
      if (!d) return false;
      await tx.promptDelivery.update({ where: { id: d.id }, data: { status: 'SKIPPED', snoozedUntil: null, pendingAnswer: null } });
      await tx.engagementEvent.create({
        data: { personId, kind: 'prompt.skipped', refId: d.promptId, occurredAt: now, data: { reason: d.reason } },
      });
      return true;
    });
  }

  async snooze(deliveryId: string, personId: string, until: Date, reask: OutboxDraft) {
    if (!isUuid(deliveryId)) return false;
    return this.db.$transaction(async (tx) => {
      const r = await tx.promptDelivery.updateMany({
        where: { id: deliveryId, personId, status: 'SENT' },
        data: { status: 'SNOOZED', snoozedUntil: until },
      });
      if (r.count === 0) return false;
      await enqueueInTx(tx, [reask]);
      return true;
    });
  }

  async reopen(deliveryId: string, personId: string, now: Date) {
    if (!isUuid(deliveryId)) return null;
    await this.db.promptDelivery.updateMany({
      where: { id: deliveryId, personId, status: 'SNOOZED', snoozedUntil: { lte: now } },
      data: { status: 'SENT', sentAt: now },
    });
    // Reopened now or by an earlier attempt of the same outbox row (a retry): both are asked again.
    const d = await this.db.promptDelivery.findFirst({
      where: { id: deliveryId, personId, status: 'SENT', snoozedUntil: { not: null } },
      include: deliveryInclude,
    });
    return d ? toDelivery(d) : null;
  }

  async acceptsPrompts(personId: string) {
    const p = await this.db.person.findUnique({ where: { id: personId }, select: { optOuts: true, erasedAt: true } });
    return !!p && !p.erasedAt && !p.optOuts.includes('prompts');
  }
}
