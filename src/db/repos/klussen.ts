import type { InterestStatus, Klus, KlusForPerson, KlusStatus } from '../../core/klussen/klus.js';
import type { KlussenRepository } from '../../core/klussen/klussen-repository.js';
import type { Prisma as P } from '../../generated/prisma/client.js';
import type { Prisma } from '../database.js';
import { isUuid } from './ids.js';

const include = { organization: { select: { name: true } } } as const;
type Row = P.KlusGetPayload<{ include: typeof include }>;


export const toKlus = (r: Row): Klus => ({
  id: r.id,
  key: r.key,
  title: r.title,
  description: r.description,
  skills: r.skills,
  hoursPerWeek: r.hoursPerWeek,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  location: r.location,
  organizationId: r.organizationId,
  organizationName: r.organization?.name ?? null,
  openToRegion: r.openToRegion,
  deadline: r.deadline,
  status: r.status as KlusStatus,
  ownerId: r.ownerId,
});

export class PrismaKlussenRepository implements KlussenRepository {
  constructor(private readonly db: Prisma) {}

  async get(id: string) {
    if (!isUuid(id)) return null;
    const r = await this.db.klus.findUnique({ where: { id }, include });
    return r ? toKlus(r) : null;
  }

  async listOpenFor(personId: string, organizationId: string | null, now: Date): Promise<KlusForPerson[]> {
    const rows = await this.db.klus.findMany({
      where: {
        status: 'OPEN',
        OR: [{ deadline: null }, { deadline: { gte: now } }],
        AND: [{ OR: [{ openToRegion: true }, ...(organizationId ? [{ organizationId }] : [])] }],
      },
      include: { ...include, interests: { where: { personId }, select: { status: true } } },
      take: 200,
    });
    return rows.map((r) => ({ ...toKlus(r), myInterest: (r.interests[0]?.status as InterestStatus | undefined) ?? null }));
  }

  async confirmedSkills(personId: string) {
    const rows = await this.db.personSkill.findMany({ where: { personId, confirmedAt: { not: null } }, select: { skill: true } });
    return rows.map((r) => r.skill);
  }

  async setInterest(klusId: string, personId: string, status: InterestStatus, motivation?: string) {
    return this.db.$transaction(async (tx) => {
      const before = await tx.klusInterest.findUnique({ where: { klusId_personId: { klusId, personId } } });
      if (before?.status === status) return before.status as InterestStatus;
      await tx.klusInterest.upsert({
        where: { klusId_personId: { klusId, personId } },
        create: { klusId, personId, status, motivation: motivation ?? '' },
        update: { status, ...(motivation !== undefined ? { motivation } : {}) },
      });
      if (status === 'INTERESTED') await tx.engagementEvent.create({ data: { personId, kind: 'klus.interest', refId: klusId } });
      return (before?.status as InterestStatus | undefined) ?? null;
    });
  }

  async myKlussen(personId: string): Promise<KlusForPerson[]> {
    const rows = await this.db.klusInterest.findMany({
      where: { personId, status: { in: ['INTERESTED', 'ACCEPTED'] } },
      include: { klus: { include } },
      orderBy: { createdAt: 'desc' },
    });
    return rows.map((i) => ({ ...toKlus(i.klus), myInterest: i.status as InterestStatus }));
  }
}
