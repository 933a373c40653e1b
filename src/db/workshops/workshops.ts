import { DomainError } from '../../core/errors.js';
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
import { SeatBatches } from './seat-batches.js';
import { signUp, takeSeat } from './signup.js';

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
  private readonly seats: SeatBatches;

  constructor(private readonly db: Prisma) {
    this.seats = new SeatBatches(db, takeSeat);
  }

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

  signUp(cmd: SignupCommand): Promise<SignupOutcome> {
    return signUp(this.db, this.seats, cmd);
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
      include: { workshop: { include }, signedUpBy: { select: { name: true } } },
      orderBy: { workshop: { startsAt: 'asc' } },
    });
    return Promise.all(
      rows.map(async (s) => ({
        workshop: toWorkshop(s.workshop),
        status: s.status as 'CONFIRMED' | 'WAITLISTED',
        position: s.status === 'WAITLISTED' && s.waitlistSeq !== null ? await waitlistPosition(this.db, s.workshopId, s.waitlistSeq) : null,
        signedUpBy: s.signedUpBy?.name ?? null,
      })),
    );
  }

  async signupStatus(workshopId: string, personId: string): Promise<SignupStatus | null> {
    if (!isUuid(workshopId)) return null;
    const s = await this.db.signup.findUnique({ where: { workshopId_personId: { workshopId, personId } } });
    return s?.status ?? null;
  }
}
