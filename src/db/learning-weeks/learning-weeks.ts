import type { LearningWeek, LearningWeekFields, LearningWeekStats, LearningWeeksRepository, WeekWorkshop } from '../../core/learning-weeks/learning-week.js';
import type { Prisma } from '../database.js';
import { isUuid } from '../ids.js';

const fields = { id: true, key: true, name: true, startsOn: true, endsOn: true } as const;

/** Learning weeks and their workshops; figures count only workshops that are not cancelled. */
export class PrismaLearningWeeksRepository implements LearningWeeksRepository {
  constructor(private readonly db: Prisma) {}

  async list(): Promise<LearningWeekStats[]> {
    const weeks = await this.db.learningWeek.findMany({ select: fields, orderBy: [{ startsOn: 'desc' }, { name: 'asc' }] });
    if (weeks.length === 0) return [];
    const ids = weeks.map((w) => w.id);
    const seats = await this.db.workshop.groupBy({
      by: ['learningWeekId'],
      where: { learningWeekId: { in: ids }, status: 'SCHEDULED' },
      _count: true,
      _sum: { capacity: true, confirmedCount: true },
    });
    const waiting = await this.db.signup.groupBy({
      by: ['workshopId'],
      where: { status: 'WAITLISTED', workshop: { learningWeekId: { in: ids }, status: 'SCHEDULED' } },
      _count: true,
    });
    const weekOf = new Map(
      (await this.db.workshop.findMany({ where: { id: { in: waiting.map((w) => w.workshopId) } }, select: { id: true, learningWeekId: true } })).map((w) => [w.id, w.learningWeekId]),
    );
    return weeks.map((w) => {
      const s = seats.find((x) => x.learningWeekId === w.id);
      return {
        ...w,
        workshops: s?._count ?? 0,
        capacity: s?._sum.capacity ?? 0,
        confirmed: s?._sum.confirmedCount ?? 0,
        waitlisted: waiting.filter((x) => weekOf.get(x.workshopId) === w.id).reduce((n, x) => n + x._count, 0),
      };
    });
  }

  async get(id: string): Promise<LearningWeek | null> {
    return isUuid(id) ? this.db.learningWeek.findUnique({ where: { id }, select: fields }) : null;
  }

  async getByKey(key: string): Promise<LearningWeek | null> {
    return this.db.learningWeek.findUnique({ where: { key }, select: fields });
  }

  async create(f: LearningWeekFields): Promise<LearningWeek> {
    return this.db.learningWeek.create({ data: f, select: fields });
  }

  async update(id: string, f: LearningWeekFields): Promise<LearningWeek> {
    return this.db.learningWeek.update({ where: { id }, data: f, select: fields });
  }

  async workshopsOf(weekId: string): Promise<WeekWorkshop[]> {
    const rows = await this.db.workshop.findMany({
      where: { learningWeekId: weekId },
      select: { id: true, title: true, startsAt: true, endsAt: true, capacity: true, confirmedCount: true, status: true },
      orderBy: [{ startsAt: 'asc' }, { title: 'asc' }],
      take: 500,
    });
    const waiting = await this.db.signup.groupBy({ by: ['workshopId'], where: { workshopId: { in: rows.map((r) => r.id) }, status: 'WAITLISTED' }, _count: true });
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      capacity: r.capacity,
      confirmed: r.confirmedCount,
      waitlisted: waiting.find((w) => w.workshopId === r.id)?._count ?? 0,
      cancelled: r.status === 'CANCELLED',
    }));
  }

  async workshopsOutside(weekId: string, from: Date, until: Date): Promise<number> {
    return this.db.workshop.count({
      where: { learningWeekId: weekId, status: 'SCHEDULED', OR: [{ startsAt: { lt: from } }, { startsAt: { gte: until } }] },
    });
  }

  async weekOfWorkshop(workshopId: string): Promise<string | null> {
    if (!isUuid(workshopId)) return null;
    return (await this.db.workshop.findUnique({ where: { id: workshopId }, select: { learningWeekId: true } }))?.learningWeekId ?? null;
  }

  async placeWorkshop(workshopId: string, weekId: string | null): Promise<void> {
    await this.db.workshop.update({ where: { id: workshopId }, data: { learningWeekId: weekId } });
  }
}
