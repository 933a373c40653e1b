import type { OutboxDraft } from '../../core/outbox.js';
import type { SeatRequest, SeatRequestRepository, TeamMembers } from '../../core/outreach/ports.js';
import { foldName } from '../../core/outreach/name.js';
import { Prisma as P } from '../../generated/prisma/client.js';
import type { Prisma } from '../database.js';
import { enqueueInTx } from '../outbox/outbox.js';

export class PrismaSeatRequests implements SeatRequestRepository {
  constructor(private readonly db: Prisma) {}

  async create(r: Omit<SeatRequest, 'id' | 'status' | 'personId' | 'createdAt'>, message: (id: string) => OutboxDraft): Promise<SeatRequest | 'duplicate'> {
    try {
      return await this.db.$transaction(async (tx) => {
        const row = await tx.seatRequest.create({ data: r });
        await enqueueInTx(tx, [message(row.id)]);
        return row;
      });
    } catch (e) {
      // The unique (workshop, team leader, folded name) refuses the same request twice, also when two race.
      if (e instanceof P.PrismaClientKnownRequestError && e.code === 'P2002') return 'duplicate';
      throw e;
    }
  }

  get(id: string): Promise<SeatRequest | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return Promise.resolve(null);
    return this.db.seatRequest.findUnique({ where: { id } });
  }

  async decide(id: string, teamLeaderId: string, status: 'CONFIRMED' | 'REFUSED', now: Date): Promise<SeatRequest | null> {
    // One conditional update is the claim: of two clicks (or two team leader devices) only one decides.
    const n = await this.db.seatRequest.updateMany({
      where: { id, teamLeaderId, status: 'PENDING', expiresAt: { gt: now } },
      data: { status, decidedAt: now },
    });
    return n.count === 1 ? this.db.seatRequest.findUnique({ where: { id } }) : null;
  }

  async reopen(id: string): Promise<void> {
    await this.db.seatRequest.update({ where: { id }, data: { status: 'PENDING', decidedAt: null, personId: null } });
  }

  async setPerson(id: string, personId: string): Promise<void> {
    await this.db.seatRequest.update({ where: { id }, data: { personId } });
  }

  async prune(now: Date, decidedBefore: Date): Promise<number> {
    const r = await this.db.seatRequest.deleteMany({
      where: { OR: [{ status: 'PENDING', expiresAt: { lte: now } }, { status: { not: 'PENDING' }, decidedAt: { lte: decidedBefore } }] },
    });
    return r.count;
  }
}

/** Team members reached through their team leader: people under the team leader without any chat identity. */
export class PrismaTeamMembers implements TeamMembers {
  constructor(private readonly db: Prisma) {}

  async findOrCreateWithoutAccount(teamLeaderId: string, name: string, nameKey: string) {
    return this.db.$transaction(async (tx) => {
      // Serialises confirmations for one team: two requests with the same name make one person, not two.
      await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${`team-members:${teamLeaderId}`}))) AS l`;
      const members = await tx.person.findMany({
        where: { managerId: teamLeaderId, erasedAt: null, deactivatedAt: null, identities: { none: {} } },
        select: { id: true, name: true },
      });
      const found = members.find((m) => foldName(m.name) === nameKey);
      if (found) return { personId: found.id, created: false };
      const leader = await tx.person.findUniqueOrThrow({ where: { id: teamLeaderId }, select: { organizationId: true, department: true, locale: true } });
      const person = await tx.person.create({
        data: { name, nameSource: 'import', managerId: teamLeaderId, organizationId: leader.organizationId, department: leader.department, locale: leader.locale },
      });
      return { personId: person.id, created: true };
    });
  }
}
