import { normaliseEmail } from '../../core/people/person.js';
import type { Audience, Enrolment, Programme, ProgrammeRepository, ProgrammeSummary } from '../../core/reflection/programme.js';
import type { Prisma as P } from '../../generated/prisma/client.js';
import type { Prisma } from '../database.js';
import { isUuid } from '../ids.js';

const programmeInclude = { steps: { orderBy: { position: 'asc' } } } as const;
type ProgrammeRow = P.ProgrammeGetPayload<{ include: typeof programmeInclude }>;

const toProgramme = (p: ProgrammeRow): Programme => ({
  id: p.id,
  key: p.key,
  name: { nl: p.name, en: p.nameEn || p.name },
  description: { nl: p.description, en: p.descriptionEn || p.description },
  steps: p.steps.map((s) => ({
    id: s.id,
    position: s.position,
    phase: { nl: s.phase, en: s.phaseEn || s.phase },
    title: { nl: s.titleNl, en: s.titleEn },
    promptId: s.promptId,
    offsetDays: s.offsetDays,
  })),
});

const enrolmentInclude = { programme: { include: programmeInclude } } as const;
type EnrolmentRow = P.ProgrammeEnrolmentGetPayload<{ include: typeof enrolmentInclude }>;

const toEnrolment = (e: EnrolmentRow): Enrolment => ({
  id: e.id,
  personId: e.personId,
  programme: toProgramme(e.programme),
  startedAt: e.startedAt,
  lastStep: e.lastStep,
  completedAt: e.completedAt,
});

export class PrismaProgrammeRepository implements ProgrammeRepository {
  constructor(private readonly db: Prisma) {}

  async list(): Promise<ProgrammeSummary[]> {
    const rows = await this.db.programme.findMany({ include: { ...programmeInclude, _count: { select: { enrolments: true } } }, orderBy: { name: 'asc' } });
    const out: ProgrammeSummary[] = [];
    for (const p of rows) {
      // Counted over everyone in the programme together; the caller shows them only for groups of five or more.
      const counts = await this.db.promptDelivery.groupBy({
        by: ['status'],
        where: { reason: 'PROGRAMME', refId: { in: p.steps.map((s) => `programme:${s.id}`) } },
        _count: { _all: true },
      });
      const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
      out.push({ ...toProgramme(p), participants: p._count.enrolments, answered: count('ANSWERED'), skipped: count('SKIPPED') });
    }
    return out;
  }

  async get(programmeId: string) {
    if (!isUuid(programmeId)) return null;
    const p = await this.db.programme.findUnique({ where: { id: programmeId }, include: programmeInclude });
    return p ? toProgramme(p) : null;
  }

  async enrolmentsOf(personId: string) {
    const rows = await this.db.programmeEnrolment.findMany({ where: { personId }, include: enrolmentInclude, orderBy: { startedAt: 'asc' } });
    return rows.map(toEnrolment);
  }

  async enrolment(enrolmentId: string) {
    if (!isUuid(enrolmentId)) return null;
    const e = await this.db.programmeEnrolment.findUnique({ where: { id: enrolmentId }, include: enrolmentInclude });
    return e ? toEnrolment(e) : null;
  }

  async organisations() {
    return this.db.organization.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } });
  }

  async findPeople(a: Audience) {
    const emails = [...new Set(a.emails.map(normaliseEmail).filter(Boolean))];
    const byEmail = emails.length
      ? await this.db.person.findMany({ where: { email: { in: emails }, erasedAt: null }, select: { id: true, email: true } })
      : [];
    const known = new Set(byEmail.map((p) => p.email));
    const ids = new Set(byEmail.map((p) => p.id));
    if (a.organizationId && isUuid(a.organizationId)) {
      const dept = a.department?.trim();
      const group = await this.db.person.findMany({
        where: { organizationId: a.organizationId, erasedAt: null, ...(dept ? { department: { equals: dept, mode: 'insensitive' } } : {}) },
        select: { id: true },
      });
      for (const p of group) ids.add(p.id);
    }
    return { personIds: [...ids], unknownEmails: emails.filter((e) => !known.has(e)) };
  }

  async enrol(programmeId: string, personIds: string[], byPersonId: string, now: Date) {
    return this.db.$transaction(async (tx) => {
      const r = await tx.programmeEnrolment.createMany({
        data: personIds.map((personId) => ({ programmeId, personId, startedAt: now })),
        skipDuplicates: true,
      });
      // The audit line holds counts and ids of the programme and the HR person, not who was enrolled.
      await tx.auditLog.create({
        data: { actor: byPersonId, actorId: byPersonId, action: 'programme.enrol', subject: programmeId, details: { people: personIds.length, enrolled: r.count } },
      });
      return { enrolled: r.count, already: personIds.length - r.count };
    });
  }
}
