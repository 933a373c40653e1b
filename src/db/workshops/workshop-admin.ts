import { DomainError } from '../../core/errors.js';
import type { Participant, WorkshopAdminRepository, WorkshopEdit } from '../../core/workshops/workshop-admin-repository.js';
import type { Workshop } from '../../core/workshops/workshop.js';
import type { Prisma } from '../database.js';
import { isUuid } from '../ids.js';
import { applyWorkshopChange } from './workshop-changes.js';
import { BURST, include, toWorkshop } from './workshops.js';

export class PrismaWorkshopAdminRepository implements WorkshopAdminRepository {
  constructor(private readonly db: Prisma) {}

  async stats(from: Date, limit: number, offset: number) {
    const where = { endsAt: { gte: from } };
    const [rows, total] = await Promise.all([
      this.db.workshop.findMany({ where, include, orderBy: [{ startsAt: 'asc' }, { title: 'asc' }], take: limit, skip: offset }),
      this.db.workshop.count({ where }),
    ]);
    const counts = await this.db.signup.groupBy({
      by: ['workshopId', 'status'],
      where: { workshopId: { in: rows.map((r) => r.id) }, status: { in: ['CONFIRMED', 'WAITLISTED'] } },
      _count: true,
    });
    const attended = await this.db.signup.groupBy({
      by: ['workshopId'],
      where: { workshopId: { in: rows.map((r) => r.id) }, attended: true },
      _count: true,
    });
    const count = (id: string, status: string) => counts.find((c) => c.workshopId === id && c.status === status)?._count ?? 0;
    return {
      items: rows.map((r) => ({
        workshop: toWorkshop(r),
        confirmed: count(r.id, 'CONFIRMED'),
        waitlisted: count(r.id, 'WAITLISTED'),
        attended: attended.find((a) => a.workshopId === r.id)?._count ?? 0,
      })),
      total,
    };
  }

  async participants(workshopId: string): Promise<Participant[]> {
    if (!isUuid(workshopId)) throw new DomainError('not_found');
    const rows = await this.db.signup.findMany({
      where: { workshopId, status: { in: ['CONFIRMED', 'WAITLISTED'] } },
      include: { person: { select: { name: true, organization: { select: { name: true } } } }, signedUpBy: { select: { name: true } } },
      orderBy: [{ status: 'asc' }, { waitlistSeq: 'asc' }, { confirmedAt: 'asc' }],
    });
    let position = 0;
    return rows.map((s) => ({
      personId: s.personId,
      name: s.person?.name ?? '–',
      organization: s.person?.organization?.name ?? null,
      status: s.status as 'CONFIRMED' | 'WAITLISTED',
      position: s.status === 'WAITLISTED' ? ++position : null,
      attended: s.attended,
      signedUpBy: s.signedUpBy?.name ?? null,
    }));
  }

  edit(workshopId: string, edit: WorkshopEdit, now: Date): Promise<Workshop> {
    return this.change(workshopId, now, (before) => {
      const startsAt = edit.startsAt ?? before.startsAt;
      const endsAt = edit.endsAt ?? before.endsAt;
      if (endsAt <= startsAt) throw new DomainError('invalid_input', {}, 'end before start');
      if (edit.capacity !== undefined && edit.capacity < 1) throw new DomainError('invalid_input', {}, 'capacity');
      return edit;
    });
  }

  cancelWorkshop(workshopId: string, now: Date): Promise<Workshop> {
    return this.change(workshopId, now, () => ({ status: 'CANCELLED' as const }));
  }

  private async change(workshopId: string, now: Date, changes: (before: Workshop) => WorkshopEdit | { status: 'CANCELLED' }) {
    if (!isUuid(workshopId)) throw new DomainError('not_found');
    return this.db.$transaction(async (tx) => {
      // The same lock as sign-ups: seats and the waitlist do not move while the workshop changes.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Workshop" WHERE id = ${workshopId}::uuid FOR UPDATE`;
      if (!locked.length) throw new DomainError('not_found');
      const before = toWorkshop(await tx.workshop.findUniqueOrThrow({ where: { id: workshopId }, include }));
      if (before.cancelled) throw new DomainError('workshop_cancelled');
      const data = changes(before);
      const row = await tx.workshop.update({ where: { id: workshopId }, data: { ...data, icsSequence: { increment: 1 } }, include });
      const after = toWorkshop(row);
      await applyWorkshopChange(tx, before, after, now);
      return after;
    }, BURST);
  }

  async markAttendance(workshopId: string, presentPersonIds: string[], now: Date) {
    if (!isUuid(workshopId)) throw new DomainError('not_found');
    const present = new Set(presentPersonIds.filter(isUuid));
    return this.db.$transaction(async (tx) => {
      const confirmed = await tx.signup.findMany({ where: { workshopId, status: 'CONFIRMED', personId: { not: null } } });
      for (const s of confirmed) {
        const came = present.has(s.personId!);
        if (s.attended === came) continue;
        await tx.signup.update({ where: { id: s.id }, data: { attended: came } });
        // Attendance feeds engagement and the follow-up reflection prompts.
        if (came) await tx.engagementEvent.create({ data: { personId: s.personId, kind: 'workshop.attended', refId: workshopId, occurredAt: now } });
      }
      return confirmed.filter((s) => present.has(s.personId!)).length;
    });
  }
}
