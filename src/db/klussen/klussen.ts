import type { Candidate, InterestDetails, InterestStatus, Klus, KlusForPerson, KlusInput, ManagedKlus, MyInterest } from '../../core/klussen/klus.js';
import type {
  ConfirmSkillsCommand,
  FinishCommand,
  InterestChange,
  JoinCommand,
  KlussenRepository,
  PublishCommand,
} from '../../core/klussen/klussen-repository.js';
import type { OutboxDraft } from '../../core/outbox.js';
import type { Prisma } from '../database.js';
import { isUuid } from '../ids.js';
import { detailsInclude, include, loadDetails, toDetails, toInterest, toKlus } from './klussen-rows.js';
import * as writes from './klussen-writes.js';

export { toKlus } from './klussen-rows.js';

const ACTIVE: InterestStatus[] = ['INTERESTED', 'ACCEPTED'];

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

  async myKlussen(personId: string): Promise<KlusForPerson[]> {
    const rows = await this.db.klusInterest.findMany({
      where: { personId, status: { in: ACTIVE } },
      include: { klus: { include } },
      orderBy: { createdAt: 'desc' },
    });
    return rows.map((i) => ({ ...toKlus(i.klus), myInterest: i.status as InterestStatus }));
  }

  createDraft(input: KlusInput, ownerId: string, organizationId: string | null) {
    return writes.createDraft(this.db, input, ownerId, organizationId);
  }

  updateDraft(id: string, input: KlusInput) {
    return writes.updateDraft(this.db, id, input);
  }

  deleteDraft(id: string) {
    return writes.deleteDraft(this.db, id);
  }

  publish(cmd: PublishCommand) {
    return writes.publish(this.db, cmd);
  }

  join(cmd: JoinCommand) {
    return writes.join(this.db, cmd);
  }

  transition(id: string, decide: (current: InterestDetails) => InterestChange | null) {
    return writes.transition(this.db, id, decide);
  }

  finish(cmd: FinishCommand) {
    return writes.finish(this.db, cmd);
  }

  expireDue(now: Date, drafts: (klus: Klus) => OutboxDraft[]) {
    return writes.expireDue(this.db, now, drafts);
  }

  confirmSkills(cmd: ConfirmSkillsCommand) {
    return writes.confirmSkills(this.db, cmd);
  }

  async findInterest(klusId: string, personId: string) {
    if (!isUuid(klusId)) return null;
    const r = await this.db.klusInterest.findUnique({ where: { klusId_personId: { klusId, personId } } });
    return r ? toInterest(r) : null;
  }

  getInterest(id: string) {
    return isUuid(id) ? loadDetails(this.db, id) : Promise.resolve(null);
  }

  async candidates(klusId: string): Promise<Candidate[]> {
    if (!isUuid(klusId)) return [];
    const rows = await this.db.klusInterest.findMany({
      where: { klusId, status: { not: 'WITHDRAWN' }, person: { erasedAt: null } },
      include: {
        person: { select: { name: true, organization: { select: { name: true } }, skills: { select: { skill: true, confirmedAt: true } } } },
      },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((r) => ({
      ...toInterest(r),
      name: r.person!.name,
      organizationName: r.person!.organization?.name ?? null,
      skills: r.person!.skills.map((s) => s.skill),
      confirmedSkills: r.person!.skills.filter((s) => s.confirmedAt).map((s) => s.skill),
    }));
  }

  async managed(personId: string, includeAllOpen: boolean): Promise<ManagedKlus[]> {
    const rows = await this.db.klus.findMany({
      where: { OR: [{ ownerId: personId }, ...(includeAllOpen ? [{ status: { in: ['OPEN' as const, 'EXPIRED' as const] } }] : [])] },
      include: { ...include, _count: { select: { interests: { where: { status: { in: ACTIVE } } } } } },
      orderBy: { createdAt: 'desc' },
      take: 25,
    });
    return rows.map((r) => ({ ...toKlus(r), candidates: r._count.interests }));
  }

  async pendingReleases(managerId: string): Promise<InterestDetails[]> {
    const rows = await this.db.klusInterest.findMany({
      where: { releaserId: managerId, releaseStatus: 'PENDING', status: { in: ACTIVE }, klus: { status: { in: ['OPEN', 'EXPIRED'] } } },
      include: detailsInclude,
      orderBy: { createdAt: 'asc' },
      take: 25,
    });
    return rows.map(toDetails);
  }

  async myInterests(personId: string): Promise<MyInterest[]> {
    const rows = await this.db.klusInterest.findMany({
      where: { personId, status: { not: 'WITHDRAWN' } },
      include: { klus: { include } },
      orderBy: { updatedAt: 'desc' },
      take: 25,
    });
    return rows.map((r) => ({ klus: toKlus(r.klus), interest: toInterest(r) }));
  }

  async matchStillWanted(klusId: string, personId: string, now: Date) {
    if (!isUuid(klusId)) return false;
    const [klus, person, interest] = await Promise.all([
      this.db.klus.findFirst({ where: { id: klusId, status: 'OPEN', OR: [{ deadline: null }, { deadline: { gte: now } }] }, select: { id: true } }),
      this.db.person.findFirst({ where: { id: personId, erasedAt: null, NOT: { optOuts: { has: 'klussen' } } }, select: { id: true } }),
      this.db.klusInterest.findUnique({ where: { klusId_personId: { klusId, personId } }, select: { id: true } }),
    ]);
    return !!klus && !!person && !interest;
  }
}
