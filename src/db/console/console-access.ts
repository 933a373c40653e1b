import type { ConsoleAccessRepository, StoredSession } from '../../core/console/console-repository.js';
import type { Prisma } from '../database.js';

/** The console's links and sessions; tokens arrive here already hashed. */
export class PrismaConsoleAccessRepository implements ConsoleAccessRepository {
  constructor(private readonly prisma: Prisma) {}

  countLinksSince(personId: string, since: Date) {
    return this.prisma.consoleLink.count({ where: { personId, createdAt: { gte: since } } });
  }

  async createLink(tokenHash: string, personId: string, expiresAt: Date) {
    await this.prisma.consoleLink.create({ data: { tokenHash, personId, expiresAt } });
  }

  async useLink(tokenHash: string, now: Date) {
    // One UPDATE with the conditions in it: two clicks at the same moment cannot both use the link.
    const used = await this.prisma.consoleLink.updateManyAndReturn({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
      select: { personId: true },
    });
    return used[0]?.personId ?? null;
  }

  async createSession(tokenHash: string, s: StoredSession) {
    await this.prisma.consoleSession.create({ data: { tokenHash, ...s } });
  }

  findSession(tokenHash: string) {
    return this.prisma.consoleSession.findUnique({
      where: { tokenHash },
      select: { personId: true, csrf: true, via: true, lastSeenAt: true, expiresAt: true },
    });
  }

  async touchSession(tokenHash: string, lastSeenAt: Date) {
    await this.prisma.consoleSession.updateMany({ where: { tokenHash }, data: { lastSeenAt } });
  }

  async deleteSession(tokenHash: string) {
    await this.prisma.consoleSession.deleteMany({ where: { tokenHash } });
  }

  async purge(now: Date) {
    const links = await this.prisma.consoleLink.deleteMany({ where: { expiresAt: { lt: now } } });
    const sessions = await this.prisma.consoleSession.deleteMany({ where: { expiresAt: { lt: now } } });
    return links.count + sessions.count;
  }

  async personIdByEntraId(oid: string) {
    const identity = await this.prisma.channelIdentity.findFirst({ where: { platform: 'TEAMS', userId: oid }, select: { personId: true } });
    if (identity) return identity.personId;
    const person = await this.prisma.person.findUnique({ where: { directoryId: oid }, select: { id: true } });
    return person?.id ?? null;
  }
}
