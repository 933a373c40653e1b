import { DomainError } from '../../core/errors.js';
import { overlaps } from '../../core/workshops/decide-signup.js';
import type { CancelCommand, SignupCommand, WorkshopsRepository } from '../../core/workshops/workshops-repository.js';
import type {
  CancelOutcome,
  MySignup,
  SignupOutcome,
  SignupStatus,
  Workshop,
  WorkshopForPerson,
  WorkshopQuery,
} from '../../core/workshops/workshop.js';
import type { Prisma as P } from '../../generated/prisma/client.js';
import type { Prisma } from '../database.js';
import { isUuid } from '../ids.js';
import { enqueueInTx } from '../outbox/outbox.js';

const ACCENTED = 'áàâäãåéèêëíìîïóòôöõúùûüýÿçñ';
const PLAIN = 'aaaaaaeeeeiiiiooooouuuuyycn';

export const include = { openTo: { select: { organizationId: true } } } as const;
type Row = P.WorkshopGetPayload<{ include: typeof include }>;

export const toWorkshop = (r: Row): Workshop => ({
  id: r.id,
  key: r.key,
  title: r.title,
  description: r.description,
  trainer: r.trainer,
  location: r.location,
  onlineUrl: r.onlineUrl,
  startsAt: r.startsAt,
  endsAt: r.endsAt,
  capacity: r.capacity,
  confirmedCount: r.confirmedCount,
  tags: r.tags,
  signupDeadline: r.signupDeadline,
  cancelled: r.status === 'CANCELLED',
  icsToken: r.icsToken,
  icsSequence: r.icsSequence,
  updatedAt: r.updatedAt,
  openTo: r.openTo.map((o) => o.organizationId),
});


// A burst of clicks queues for one workshop's row lock; waiting a while beats failing a sign-up.
export const BURST = { maxWait: 30_000, timeout: 30_000 };

type Tx = Parameters<Parameters<Prisma['$transaction']>[0]>[0];

async function waitlistPosition(tx: Tx | Prisma, workshopId: string, seq: number): Promise<number> {
  return tx.signup.count({ where: { workshopId, status: 'WAITLISTED', waitlistSeq: { lte: seq } } });
}

export class PrismaWorkshopsRepository implements WorkshopsRepository {
  constructor(private readonly db: Prisma) {}

  async get(id: string) {
    if (!isUuid(id)) return null;
    const r = await this.db.workshop.findUnique({ where: { id }, include });
    return r ? toWorkshop(r) : null;
  }

  async getByKey(key: string) {
    const r = await this.db.workshop.findUnique({ where: { key }, include });
    return r ? toWorkshop(r) : null;
  }

  async getByIcsToken(token: string) {
    const r = await this.db.workshop.findUnique({ where: { icsToken: token }, include });
    return r ? toWorkshop(r) : null;
  }

  /**
   * Upcoming workshops whose title, description or themes hold every word, ignoring case and accents: "ideeen"
   * finds "ideeën". The words come without accents (core/workshops/filter.ts); the text loses them here.
   */
  private async idsMatching(words: string[]): Promise<string[]> {
    const patterns = words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Workshop"
      WHERE status = 'SCHEDULED'
        AND translate(lower(title || ' ' || description || ' ' || array_to_string(tags, ' ')), ${ACCENTED}, ${PLAIN}) LIKE ALL (${patterns}::text[])`;
    return rows.map((r) => r.id);
  }

  async listForPerson(q: WorkshopQuery): Promise<{ items: WorkshopForPerson[]; total: number }> {
    const matching = q.words.length ? await this.idsMatching(q.words) : null;
    const where: P.WorkshopWhereInput = {
      ...(matching ? { id: { in: matching } } : {}),
      status: 'SCHEDULED',
      startsAt: { gte: q.from, ...(q.until ? { lt: q.until } : {}) },
      OR: [
        { openTo: { none: {} } },
        ...(q.organizationId ? [{ openTo: { some: { organizationId: q.organizationId } } }] : []),
      ],
    };
    const [rows, total] = await Promise.all([
      this.db.workshop.findMany({ where, include, orderBy: [{ startsAt: 'asc' }, { title: 'asc' }], skip: q.offset, take: q.limit }),
      this.db.workshop.count({ where }),
    ]);
    const ids = rows.map((r) => r.id);
    const [mine, waiting] = await Promise.all([
      this.db.signup.findMany({ where: { personId: q.personId, workshopId: { in: ids }, status: { not: 'CANCELLED' } } }),
      this.db.signup.groupBy({ by: ['workshopId'], where: { workshopId: { in: ids }, status: 'WAITLISTED' }, _count: true }),
    ]);
    const mineBy = new Map(mine.map((s) => [s.workshopId, s]));
    const waitingBy = new Map(waiting.map((g) => [g.workshopId, g._count]));
    const items = await Promise.all(
      rows.map(async (r): Promise<WorkshopForPerson> => {
        const s = mineBy.get(r.id);
        const position =
          s?.status === 'WAITLISTED' && s.waitlistSeq !== null ? await waitlistPosition(this.db, r.id, s.waitlistSeq) : null;
        return {
          ...toWorkshop(r),
          myStatus: s ? s.status : null,
          myPosition: position,
          waitlistLength: waitingBy.get(r.id) ?? 0,
        };
      }),
    );
    return { items, total };
  }

  async signUp(cmd: SignupCommand): Promise<SignupOutcome> {
    if (!isUuid(cmd.workshopId)) throw new DomainError('not_found');
    // Reads that do not decide seats happen before the lock, so the locked section stays short under a burst.
    const before = await this.db.workshop.findUnique({ where: { id: cmd.workshopId }, include });
    if (!before) throw new DomainError('not_found');
    const others = await this.db.signup.findMany({
      where: { personId: cmd.personId, status: { in: ['CONFIRMED', 'WAITLISTED'] }, workshopId: { not: before.id } },
      include: { workshop: { select: { title: true, startsAt: true, endsAt: true, status: true } } },
    });
    const clash = others.find((s) => s.workshop.status === 'SCHEDULED' && overlaps(s.workshop, before));
    const openTo = before.openTo.map((o) => o.organizationId);
    return this.db.$transaction(
      async (tx) => {
        // The row lock serialises sign-ups for one workshop; the counts read with it are exact.
        const [locked] = await tx.$queryRaw<
          {
            capacity: number;
            confirmedCount: number;
            status: string;
            startsAt: Date;
            endsAt: Date;
            signupDeadline: Date | null;
            mine: 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED' | null;
            mySeq: number | null;
          }[]
        >`SELECT w.capacity, w."confirmedCount", w.status::text AS status, w."startsAt", w."endsAt", w."signupDeadline",
                 s.status::text AS mine, s."waitlistSeq" AS "mySeq"
            FROM "Workshop" w
            LEFT JOIN "Signup" s ON s."workshopId" = w.id AND s."personId" = ${cmd.personId}::uuid
           WHERE w.id = ${cmd.workshopId}::uuid
             FOR UPDATE OF w`;
        if (!locked) throw new DomainError('not_found');
        const { mine, mySeq, status, ...seats } = locked;
        const w: Workshop = { ...toWorkshop(before), ...seats, cancelled: status === 'CANCELLED' };
        const existing = mine ? { status: mine, waitlistSeq: mySeq } : null;
        const current = existing && existing.status !== 'CANCELLED' ? existing.status : null;
        const decision = cmd.decide({
          now: cmd.now,
          startsAt: w.startsAt,
          capacity: w.capacity,
          confirmedCount: w.confirmedCount,
          signupDeadline: w.signupDeadline,
          cancelled: w.cancelled,
          existing: current,
          overlapsWith: clash?.workshop.title ?? null,
          allowed: openTo.length === 0 || (cmd.organizationId !== null && openTo.includes(cmd.organizationId)),
        });
        if (decision === 'already_confirmed') return { status: 'CONFIRMED', position: null, unchanged: true, workshop: w };
        if (decision === 'already_waitlisted') {
          const position = await waitlistPosition(tx, w.id, existing!.waitlistSeq!);
          return { status: 'WAITLISTED', position, unchanged: true, workshop: w };
        }
        if (decision === 'confirm') {
          const data = { status: 'CONFIRMED' as const, waitlistSeq: null, confirmedAt: cmd.now, cancelledAt: null };
          await tx.signup.upsert({
            where: { workshopId_personId: { workshopId: w.id, personId: cmd.personId } },
            create: { workshopId: w.id, personId: cmd.personId, ...data },
            update: data,
          });
          await tx.workshop.update({ where: { id: w.id }, data: { confirmedCount: { increment: 1 } } });
          await enqueueInTx(tx, cmd.onConfirmed(w));
          await tx.engagementEvent.create({ data: { personId: cmd.personId, kind: 'workshop.signup', refId: w.id, occurredAt: cmd.now } });
          return { status: 'CONFIRMED', position: null, unchanged: false, workshop: { ...w, confirmedCount: w.confirmedCount + 1 } };
        }
        const { waitlistSeq } = await tx.workshop.update({
          where: { id: w.id },
          data: { waitlistSeq: { increment: 1 } },
          select: { waitlistSeq: true },
        });
        const data = { status: 'WAITLISTED' as const, waitlistSeq, confirmedAt: null, cancelledAt: null };
        await tx.signup.upsert({
          where: { workshopId_personId: { workshopId: w.id, personId: cmd.personId } },
          create: { workshopId: w.id, personId: cmd.personId, ...data },
          update: data,
        });
        await tx.engagementEvent.create({ data: { personId: cmd.personId, kind: 'workshop.waitlist', refId: w.id, occurredAt: cmd.now } });
        const position = await waitlistPosition(tx, w.id, waitlistSeq);
        return { status: 'WAITLISTED', position, unchanged: false, workshop: w };
      },
      BURST,
    );
  }

  async cancel(cmd: CancelCommand): Promise<CancelOutcome> {
    if (!isUuid(cmd.workshopId)) throw new DomainError('not_found');
    return this.db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Workshop" WHERE id = ${cmd.workshopId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new DomainError('not_found');
      const w = toWorkshop(await tx.workshop.findUniqueOrThrow({ where: { id: cmd.workshopId }, include }));
      const mine = await tx.signup.findUnique({ where: { workshopId_personId: { workshopId: w.id, personId: cmd.personId } } });
      if (!mine || mine.status === 'CANCELLED') throw new DomainError('not_signed_up');
      await tx.signup.update({
        where: { id: mine.id },
        data: { status: 'CANCELLED', waitlistSeq: null, cancelledAt: cmd.now },
      });
      // Pending reminders of this seat must not go out.
      await tx.outboxMessage.updateMany({
        where: { idempotencyKey: { startsWith: `workshop-reminder:${w.id}:${cmd.personId}:` }, status: 'PENDING' },
        data: { status: 'CANCELLED', lastError: 'sign-up cancelled' },
      });
      if (mine.status !== 'CONFIRMED') return { workshop: w, promotedPersonId: null };
      const next =
        w.startsAt > cmd.now
          ? await tx.signup.findFirst({
              where: { workshopId: w.id, status: 'WAITLISTED' },
              orderBy: { waitlistSeq: 'asc' },
            })
          : null;
      if (!next?.personId) {
        await tx.workshop.update({ where: { id: w.id }, data: { confirmedCount: { decrement: 1 } } });
        return { workshop: { ...w, confirmedCount: w.confirmedCount - 1 }, promotedPersonId: null };
      }
      await tx.signup.update({
        where: { id: next.id },
        data: { status: 'CONFIRMED', waitlistSeq: null, confirmedAt: cmd.now },
      });
      await enqueueInTx(tx, cmd.onPromoted(w, next.personId));
      return { workshop: w, promotedPersonId: next.personId };
    }, BURST);
  }

  async mySignups(personId: string, from: Date): Promise<MySignup[]> {
    const rows = await this.db.signup.findMany({
      where: { personId, status: { in: ['CONFIRMED', 'WAITLISTED'] }, workshop: { endsAt: { gte: from } } },
      include: { workshop: { include } },
      orderBy: { workshop: { startsAt: 'asc' } },
    });
    return Promise.all(
      rows.map(async (s) => ({
        workshop: toWorkshop(s.workshop),
        status: s.status as 'CONFIRMED' | 'WAITLISTED',
        position: s.status === 'WAITLISTED' && s.waitlistSeq !== null ? await waitlistPosition(this.db, s.workshopId, s.waitlistSeq) : null,
      })),
    );
  }

  async signupStatus(workshopId: string, personId: string): Promise<SignupStatus | null> {
    if (!isUuid(workshopId)) return null;
    const s = await this.db.signup.findUnique({ where: { workshopId_personId: { workshopId, personId } } });
    return s?.status ?? null;
  }
}
