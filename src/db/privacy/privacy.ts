import type { PersonalDataExport, PrivacyRepository, PrivacyRequester } from '../../core/privacy/privacy-repository.js';
import { Prisma as P } from '../../generated/prisma/client.js';
import type { Prisma } from '../database.js';

/** The audit line of a privacy request: the pseudonymous id only, never a name or e-mail address. */
const trail = (action: string, personId: string, now: Date, by?: PrivacyRequester) => ({
  at: now,
  actor: by?.actor ?? personId,
  actorId: by ? (by.actorId ?? null) : personId,
  action,
  subject: personId,
  details: { via: by?.via ?? 'chat' },
});

const plain = (rows: object[]) => rows.map((r) => JSON.parse(JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))));

export class PrismaPrivacyRepository implements PrivacyRepository {
  constructor(private readonly db: Prisma) {}

  async counts(personId: string) {
    const [signups, reflections, klussen] = await Promise.all([
      this.db.signup.count({ where: { personId } }),
      this.db.reflection.count({ where: { personId } }),
      this.db.klusInterest.count({ where: { personId } }),
    ]);
    return { signups, reflections, klussen };
  }

  async export(personId: string): Promise<PersonalDataExport> {
    const db = this.db;
    const [person, identities, skills, signups, klusInterests, klussenOwned, reflections, goals, promptDeliveries, events, programmes, forOthers, seatRequests] =
      await Promise.all([
        db.person.findUniqueOrThrow({ where: { id: personId }, include: { organization: { select: { name: true } } } }),
        db.channelIdentity.findMany({ where: { personId }, omit: { conversationRef: true } }),
        db.personSkill.findMany({ where: { personId } }),
        db.signup.findMany({
          where: { personId },
          include: { workshop: { select: { key: true, title: true, startsAt: true } }, signedUpBy: { select: { name: true } } },
        }),
        db.klusInterest.findMany({ where: { personId }, include: { klus: { select: { key: true, title: true } } } }),
        db.klus.findMany({ where: { ownerId: personId } }),
        db.reflection.findMany({ where: { personId }, orderBy: { createdAt: 'asc' } }),
        db.goal.findMany({ where: { personId } }),
        db.promptDelivery.findMany({ where: { personId }, include: { prompt: { select: { key: true, textNl: true, textEn: true } } } }),
        db.engagementEvent.findMany({ where: { personId }, orderBy: { occurredAt: 'asc' } }),
        db.programmeEnrolment.findMany({ where: { personId }, include: { programme: { select: { key: true, name: true } } } }),
        db.signup.findMany({
          where: { signedUpById: personId },
          select: { status: true, createdAt: true, cancelledAt: true, workshop: { select: { key: true, title: true, startsAt: true } } },
        }),
        // Seat requests from the public page: the ones that made this person, and the ones asked of them as team leader.
        db.seatRequest.findMany({
          where: { OR: [{ personId }, { teamLeaderId: personId }] },
          select: { name: true, status: true, createdAt: true, decidedAt: true, expiresAt: true, personId: true, teamLeaderId: true, workshop: { select: { key: true, title: true } } },
        }),
      ]);
    return {
      person: plain([person])[0],
      identities: plain(identities),
      skills: plain(skills),
      signups: plain(signups),
      klusInterests: plain(klusInterests),
      klussenOwned: plain(klussenOwned),
      reflections: plain(reflections),
      goals: plain(goals),
      promptDeliveries: plain(promptDeliveries),
      events: plain(events),
      programmes: plain(programmes),
      signupsForOthers: plain(forOthers),
      seatRequests: plain(seatRequests),
    };
  }

  async recordExport(personId: string, now: Date, by?: PrivacyRequester) {
    await this.db.auditLog.create({ data: trail('privacy.export', personId, now, by) });
  }

  async erase(personId: string, now: Date, by?: PrivacyRequester) {
    await this.db.$transaction(async (tx) => {
      // The trail keeps the pseudonymous id only: who asked for erasure, and when.
      await tx.auditLog.create({ data: trail('privacy.erase', personId, now, by) });
      await tx.reflection.deleteMany({ where: { personId } });
      await tx.goal.deleteMany({ where: { personId } });
      await tx.promptDelivery.deleteMany({ where: { personId } });
      await tx.programmeEnrolment.deleteMany({ where: { personId } });
      // A dossier file waiting behind a download link is dossier data too.
      await tx.download.deleteMany({ where: { personId } });
      await tx.personSkill.deleteMany({ where: { personId } });
      // A seat request holds the name as typed on the public page: gone with the person, and with their team leader.
      await tx.seatRequest.deleteMany({ where: { OR: [{ personId }, { teamLeaderId: personId }] } });
      await tx.channelIdentity.deleteMany({ where: { personId } });
      // Directory group memberships say who someone is too (issue 19's tables).
      await tx.directoryGroupMember.deleteMany({ where: { personId } });
      // Console sign-in links and sessions: an erased person is signed out everywhere.
      await tx.consoleLink.deleteMany({ where: { personId } });
      await tx.consoleSession.deleteMany({ where: { personId } });
      await tx.outboxMessage.updateMany({ where: { personId, status: 'PENDING' }, data: { status: 'CANCELLED', lastError: 'person erased' } });
      // History keeps its counts but no longer points at the person.
      await tx.signup.updateMany({ where: { personId }, data: { personId: null } });
      await tx.klusInterest.updateMany({ where: { personId }, data: { personId: null, motivation: '' } });
      // DbNull clears the column; `undefined` would leave it as it was.
      await tx.engagementEvent.updateMany({ where: { personId }, data: { personId: null, data: P.DbNull } });
      await tx.outboxMessage.updateMany({ where: { personId }, data: { personId: null } });
      // A team leader's sign-ups for others stay the others' (and count), without pointing at the leader.
      await tx.signup.updateMany({ where: { signedUpById: personId }, data: { signedUpById: null } });
      await tx.$executeRaw`UPDATE "EngagementEvent" SET data = data - 'by' WHERE data->>'by' = ${personId}`;
      await tx.person.update({
        where: { id: personId },
        data: {
          name: 'verwijderd',
          email: null,
          department: null,
          educationLevel: null,
          timezone: null,
          managerId: null,
          // HR's number, job title and the Entra ID object id identify the person as surely as a name.
          employeeNumber: null,
          jobTitle: null,
          directoryId: null,
          nameSource: null,
          optOuts: [],
          paused: true,
          erasedAt: now,
        },
      });
      await tx.person.updateMany({ where: { managerId: personId }, data: { managerId: null } });
    });
  }
}
