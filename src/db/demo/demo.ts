import type { DemoRepository } from '../../core/demo/demo-repository.js';
import type { Prisma } from '../database.js';

export class PrismaDemoRepository implements DemoRepository {
  constructor(private readonly db: Prisma) {}

  async setManager(email: string, managerEmail: string): Promise<void> {
    const manager = await this.db.person.findUnique({ where: { email: managerEmail } });
    if (!manager) return;
    await this.db.person.updateMany({
      where: { email, OR: [{ managerId: null }, { managerId: { not: manager.id } }] },
      data: { managerId: manager.id },
    });
  }

  async placeInRegion(region: { key: string; name: string }, organizationKeys: string[]): Promise<{ id: string }> {
    const row = await this.db.region.upsert({ where: { key: region.key }, create: region, update: {} });
    await this.db.organization.updateMany({ where: { key: { in: organizationKeys }, regionId: null }, data: { regionId: row.id } });
    return { id: row.id };
  }

  async planLearningWeek(regionId: string, organizationKeys: string[], workshopKeyPrefix: string): Promise<string | null> {
    const workshops = await this.db.workshop.findMany({ where: { key: { startsWith: workshopKeyPrefix } }, orderBy: { startsAt: 'asc' } });
    if (!workshops.length) return null;
    const startsOn = new Date(workshops[0]!.startsAt.toISOString().slice(0, 10));
    const endsOn = new Date(workshops[workshops.length - 1]!.startsAt.toISOString().slice(0, 10));
    const key = `miw-${startsOn.getUTCFullYear()}`;
    const week = await this.db.learningWeek.upsert({
      where: { key },
      create: { key, name: `Meester in je Werk-week ${startsOn.getUTCFullYear()}`, startsOn, endsOn, regionId },
      update: { startsOn, endsOn },
    });
    const orgs = await this.db.organization.findMany({ where: { key: { in: organizationKeys } }, select: { id: true } });
    await this.db.learningWeekOrganization.createMany({
      data: orgs.map((o) => ({ learningWeekId: week.id, organizationId: o.id })),
      skipDuplicates: true,
    });
    await this.db.workshop.updateMany({ where: { id: { in: workshops.map((w) => w.id) }, learningWeekId: null }, data: { learningWeekId: week.id } });
    return week.name;
  }
}
