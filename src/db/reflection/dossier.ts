import type { DossierKlus, DossierReflection, DossierRepository, DossierWorkshop, Goal } from '../../core/reflection/dossier.js';
import type { Prisma } from '../database.js';
import { isUuid } from '../ids.js';

const toGoal = (g: { id: string; text: string; createdAt: Date; doneAt: Date | null }): Goal => ({
  id: g.id,
  text: g.text,
  createdAt: g.createdAt,
  doneAt: g.doneAt,
});

/** Every query here is filtered by the author's own person id: the dossier has no way to name someone else. */
export class PrismaDossierRepository implements DossierRepository {
  constructor(private readonly db: Prisma) {}

  async goals(personId: string) {
    const rows = await this.db.goal.findMany({ where: { personId }, orderBy: { createdAt: 'asc' } });
    return rows.map(toGoal);
  }

  async addGoal(personId: string, text: string, now: Date) {
    return toGoal(await this.db.goal.create({ data: { personId, text, createdAt: now } }));
  }

  async completeGoal(personId: string, goalId: string, now: Date) {
    if (!isUuid(goalId)) return null;
    const r = await this.db.goal.updateMany({ where: { id: goalId, personId, doneAt: null }, data: { doneAt: now } });
    if (r.count === 0) return null;
    return toGoal(await this.db.goal.findUniqueOrThrow({ where: { id: goalId } }));
  }

  async reflections(personId: string, limit?: number) {
    const rows = await this.db.reflection.findMany({
      where: { personId },
      orderBy: { createdAt: 'asc' },
      include: { delivery: { include: { prompt: { select: { textNl: true, textEn: true, followUpNl: true, followUpEn: true } } } } },
    });
    // One entry per question asked: its first answer(s) (text and/or scale) and the answer to its follow-up.
    const byDelivery = new Map<string, DossierReflection>();
    const items: DossierReflection[] = [];
    for (const r of rows) {
      const prompt = r.delivery?.prompt;
      const key = r.deliveryId ?? `single:${r.id}`;
      let item = byDelivery.get(key);
      if (!item) {
        item = { at: r.createdAt, question: prompt ? { nl: prompt.textNl, en: prompt.textEn } : null, text: '', scale: null, followUp: null };
        byDelivery.set(key, item);
        items.push(item);
      }
      if (r.isFollowUp) {
        const q = prompt?.followUpNl && prompt.followUpEn ? { nl: prompt.followUpNl, en: prompt.followUpEn } : { nl: '', en: '' };
        item.followUp = { question: q, text: item.followUp ? `${item.followUp.text}\n${r.text}` : r.text };
      } else {
        if (r.text) item.text = item.text ? `${item.text}\n${r.text}` : r.text;
        if (r.scale !== null) item.scale = r.scale;
      }
    }
    items.reverse();
    return { total: items.length, items: limit === undefined ? items : items.slice(0, limit) };
  }

  async workshops(personId: string): Promise<DossierWorkshop[]> {
    const rows = await this.db.signup.findMany({
      where: { personId, status: { in: ['CONFIRMED', 'WAITLISTED'] }, workshop: { status: 'SCHEDULED' } },
      select: { status: true, attended: true, workshop: { select: { title: true, startsAt: true } } },
      orderBy: { workshop: { startsAt: 'desc' } },
    });
    return rows.map((s) => ({
      title: s.workshop.title,
      startsAt: s.workshop.startsAt,
      status: s.status as DossierWorkshop['status'],
      attended: s.attended,
    }));
  }

  async klussen(personId: string): Promise<DossierKlus[]> {
    const rows = await this.db.klusInterest.findMany({
      where: { personId },
      select: { status: true, updatedAt: true, klus: { select: { title: true } } },
      orderBy: { updatedAt: 'desc' },
    });
    return rows.map((k) => ({ title: k.klus.title, status: k.status, at: k.updatedAt }));
  }
}
