import type { LearningWeek, PublicCatalogueRepository, PublicWorkshop, TeamLeader } from '../../core/outreach/ports.js';
import type { Prisma } from '../database.js';

const workshopFields = {
  id: true, key: true, title: true, startsAt: true, endsAt: true, location: true, onlineUrl: true, capacity: true, confirmedCount: true,
  openTo: { select: { organization: { select: { id: true, name: true } } } },
} as const;

type Row = {
  id: string; key: string; title: string; startsAt: Date; endsAt: Date; location: string | null; onlineUrl: string | null; capacity: number; confirmedCount: number;
  openTo: { organization: { id: string; name: string } }[];
};

const toPublic = (w: Row): PublicWorkshop => ({
  id: w.id,
  key: w.key,
  title: w.title,
  startsAt: w.startsAt,
  endsAt: w.endsAt,
  location: w.location,
  online: w.onlineUrl !== null,
  capacity: w.capacity,
  freeSeats: Math.max(0, w.capacity - w.confirmedCount),
  openTo: w.openTo.map((o) => o.organization).sort((a, b) => a.name.localeCompare(b.name)),
});

/** What the public page and the poster read: workshops and team leaders' names only, never who signed up. */
export class PrismaPublicCatalogue implements PublicCatalogueRepository {
  constructor(private readonly db: Prisma) {}

  async upcoming(q: { from: Date; weekKey?: string; keys?: string[]; limit: number }): Promise<PublicWorkshop[]> {
    const rows = await this.db.workshop.findMany({
      where: {
        status: 'SCHEDULED',
        startsAt: { gt: q.from },
        ...(q.weekKey ? { learningWeek: { key: q.weekKey } } : {}),
        ...(q.keys ? { key: { in: q.keys } } : {}),
      },
      orderBy: [{ startsAt: 'asc' }, { title: 'asc' }],
      take: q.limit,
      select: workshopFields,
    });
    return rows.map(toPublic);
  }

  async getWorkshop(id: string): Promise<PublicWorkshop | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const w = await this.db.workshop.findFirst({ where: { id, status: 'SCHEDULED' }, select: workshopFields });
    return w ? toPublic(w) : null;
  }

  async learningWeek(q: { key?: string; today: Date }): Promise<LearningWeek | null> {
    const today = new Date(`${q.today.toISOString().slice(0, 10)}T00:00:00Z`);
    const w = q.key
      ? await this.db.learningWeek.findUnique({ where: { key: q.key } })
      : await this.db.learningWeek.findFirst({ where: { endsOn: { gte: today } }, orderBy: { startsOn: 'asc' } });
    return w ? { key: w.key, name: w.name, startsOn: w.startsOn, endsOn: w.endsOn } : null;
  }

  async teamLeaders(): Promise<TeamLeader[]> {
    return this.db.person.findMany({
      where: { roles: { has: 'MANAGER' }, erasedAt: null, deactivatedAt: null },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, department: true, organizationId: true },
      take: 500,
    });
  }
}
