import type { OpenDelivery, Prompt, PromptKind } from '../../core/reflection/prompt.js';
import type { ReflectionRepository } from '../../core/reflection/reflection-repository.js';
import type { Prisma as P } from '../../generated/prisma/client.js';
import type { Prisma } from '../database.js';
import { isUuid } from './ids.js';

const toPrompt = (r: P.PromptGetPayload<object>): Prompt => ({
  id: r.id,
  key: r.key,
  kind: r.kind as PromptKind,
  theme: r.theme,
  audiences: r.audiences,
  text: { nl: r.textNl, en: r.textEn },
  followUp: r.followUpNl && r.followUpEn ? { nl: r.followUpNl, en: r.followUpEn } : null,
});

export class PrismaReflectionRepository implements ReflectionRepository {
  constructor(private readonly db: Prisma) {}

  async pickPrompt(personId: string, audiences: string[]): Promise<Prompt | null> {
    const candidates = await this.db.prompt.findMany({
      where: { active: true, OR: [{ audiences: { isEmpty: true } }, { audiences: { hasSome: audiences } }] },
      include: { deliveries: { where: { personId }, orderBy: { sentAt: 'desc' }, take: 1, select: { sentAt: true } } },
    });
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

  async createDelivery(personId: string, promptId: string, reason: 'ON_DEMAND' | 'SCHEDULE' | 'FOLLOW_UP' | 'PROGRAMME', now: Date) {
    const d = await this.db.promptDelivery.create({ data: { personId, promptId, reason, sentAt: now } });
    return d.id;
  }

  async openDelivery(personId: string, since: Date): Promise<OpenDelivery | null> {
    const d = await this.db.promptDelivery.findFirst({
      where: { personId, status: 'SENT', sentAt: { gte: since } },
      orderBy: { sentAt: 'desc' },
      include: { prompt: true, reflections: { select: { isFollowUp: true } } },
    });
    if (!d) return null;
    return { id: d.id, prompt: toPrompt(d.prompt), sentAt: d.sentAt, awaitingFollowUp: d.reflections.length > 0 };
  }

  async answer(deliveryId: string, personId: string, text: string, followUp: boolean, now: Date) {
    await this.db.$transaction(async (tx) => {
      const d = await tx.promptDelivery.findFirst({ where: { id: deliveryId, personId }, include: { prompt: true } });
      if (!d) return;
      await tx.reflection.create({ data: { personId, deliveryId, text, isFollowUp: followUp, createdAt: now } });
      // A scenario stays open for its follow-up answer; everything else is answered now.
      const done = followUp || !d.prompt.followUpNl;
      if (done) await tx.promptDelivery.update({ where: { id: d.id }, data: { status: 'ANSWERED', answeredAt: now } });
      if (!followUp) await tx.engagementEvent.create({ data: { personId, kind: 'prompt.answered', refId: d.promptId, occurredAt: now } });
    });
  }

  async skip(deliveryId: string, personId: string) {
    if (!isUuid(deliveryId)) return;
    const r = await this.db.promptDelivery.updateMany({ where: { id: deliveryId, personId, status: { in: ['SENT', 'SNOOZED'] } }, data: { status: 'SKIPPED' } });
    if (r.count) await this.db.engagementEvent.create({ data: { personId, kind: 'prompt.skipped', refId: deliveryId } });
  }

  async snooze(deliveryId: string, personId: string, until: Date) {
    if (!isUuid(deliveryId)) return;
    await this.db.promptDelivery.updateMany({ where: { id: deliveryId, personId, status: 'SENT' }, data: { status: 'SNOOZED', snoozedUntil: until } });
  }
}
