import type { PeopleRepository } from '../../core/people/people-repository.js';
import { betterName, storedSource } from '../../core/people/name-source.js';
import { normaliseEmail, normaliseSkill, type ChannelUser, type Person, type Role } from '../../core/people/person.js';
import { Prisma as P } from '../../generated/prisma/client.js';
import type { Prisma } from '../database.js';

export const personInclude = { organization: { select: { name: true } }, skills: { select: { skill: true } } } as const;

type PersonRow = P.PersonGetPayload<{ include: typeof personInclude }>;

export const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  name: r.name,
  email: r.email,
  locale: r.locale === 'nl' || r.locale === 'en' ? r.locale : null,
  timezone: r.timezone,
  organizationId: r.organizationId,
  organizationName: r.organization?.name ?? null,
  department: r.department,
  educationLevel: r.educationLevel,
  roles: r.roles as Role[],
  managerId: r.managerId,
  paused: r.paused,
  skills: r.skills.map((s) => s.skill),
});

/** A platform locale ("en-GB", "nl-NL") as the bot's language; undefined when none was given. */
const localeOf = (l: string | undefined) => (l ? (l.toLowerCase().startsWith('en') ? 'en' : 'nl') : undefined);

const isUniqueViolation = (e: unknown) => e instanceof P.PrismaClientKnownRequestError && e.code === 'P2002';

export class PrismaPeopleRepository implements PeopleRepository {
  constructor(private readonly db: Prisma) {}

  async findById(id: string) {
    const r = await this.db.person.findUnique({ where: { id }, include: personInclude });
    return r && !r.erasedAt ? toPerson(r) : null;
  }

  async findByEmail(email: string) {
    const r = await this.db.person.findUnique({ where: { email: normaliseEmail(email) }, include: personInclude });
    return r && !r.erasedAt ? toPerson(r) : null;
  }

  async identify(user: ChannelUser, defaults: { locale: string }): Promise<Person> {
    // Two first contacts of one user can race; the unique key decides and the loser reads the winner's row.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.identifyOnce(user, defaults);
      } catch (e) {
        if (!isUniqueViolation(e) || attempt >= 2) throw e;
      }
    }
  }

  private async identifyOnce(user: ChannelUser, defaults: { locale: string }): Promise<Person> {
    const contact = {
      lastSeenAt: new Date(),
      ...(user.conversationRef !== undefined ? { conversationRef: user.conversationRef as P.InputJsonValue } : {}),
      ...(user.serviceUrl ? { serviceUrl: user.serviceUrl } : {}),
      unreachableAt: null,
      unreachableReason: null,
    };
    const key = { platform: user.platform, tenantId: user.tenantId, userId: user.userId };
    const existing = await this.db.channelIdentity.findUnique({ where: { platform_tenantId_userId: key } });
    if (existing) {
      await this.db.channelIdentity.update({ where: { id: existing.id }, data: contact });
      return this.reviveAndLoad(existing.personId, user);
    }
    // Imported before the first contact: the row has the user id but no tenant yet.
    const imported = await this.db.channelIdentity.findFirst({
      where: { platform: user.platform, userId: user.userId, tenantId: '' },
    });
    if (imported) {
      await this.db.channelIdentity.update({ where: { id: imported.id }, data: { ...contact, tenantId: user.tenantId } });
      return this.reviveAndLoad(imported.personId, user);
    }
    const email = user.email ? normaliseEmail(user.email) : undefined;
    const byEmail = email ? await this.db.person.findUnique({ where: { email } }) : null;
    const personId =
      byEmail?.id ??
      (
        await this.db.person.create({
          data: {
            name: user.name?.trim() || user.userId,
            nameSource: user.name?.trim() ? (user.nameSource ?? 'activity') : 'id',
            email: email ?? null,
            // Unknown stays unknown (the default applies) until an activity or profile says it.
            locale: localeOf(user.locale) ?? (user.locale === undefined ? null : defaults.locale),
            timezone: user.timezone ?? null,
          },
        })
      ).id;
    await this.db.channelIdentity.create({ data: { ...key, ...contact, personId } });
    return this.reviveAndLoad(personId, user);
  }

  /**
   * A person who was erased and comes back starts afresh. Otherwise the best source that arrives fills in what is
   * missing: a better name corrects one from a worse source (never the Entra object id as a name), and a language
   * or time zone is filled in when none is known (one the person chose is never overwritten).
   */
  private async reviveAndLoad(personId: string, user: ChannelUser): Promise<Person> {
    const row = await this.db.person.findUniqueOrThrow({ where: { id: personId }, include: personInclude });
    if (!row.erasedAt) {
      const better = betterName({ name: row.name, source: storedSource(row.name, row.nameSource, [user.userId]) }, { name: user.name, source: user.nameSource });
      const locale = row.locale === null ? localeOf(user.locale) : undefined;
      const timezone = row.timezone === null && user.timezone ? user.timezone : undefined;
      if (!better && !locale && !timezone) return toPerson(row);
      const data = { ...(better ? { name: better.name, nameSource: better.source } : {}), ...(locale ? { locale } : {}), ...(timezone ? { timezone } : {}) };
      return toPerson(await this.db.person.update({ where: { id: personId }, data, include: personInclude }));
    }
    const revived = await this.db.person.update({
      where: { id: personId },
      data: { erasedAt: null, name: user.name?.trim() || user.userId, nameSource: user.name?.trim() ? (user.nameSource ?? 'activity') : 'id' },
      include: personInclude,
    });
    return toPerson(revived);
  }

  async addRole(personId: string, role: Role) {
    const row = await this.db.person.findUniqueOrThrow({ where: { id: personId } });
    const roles = row.roles.includes(role) ? row.roles : [...row.roles, role];
    return toPerson(await this.db.person.update({ where: { id: personId }, data: { roles }, include: personInclude }));
  }

  async setPaused(personId: string, paused: boolean) {
    await this.db.person.update({ where: { id: personId }, data: { paused } });
  }

  async setLocale(personId: string, locale: string) {
    await this.db.person.update({ where: { id: personId }, data: { locale } });
  }

  async setSkills(personId: string, skills: string[]) {
    const wanted = [...new Set(skills.map(normaliseSkill).filter(Boolean))];
    await this.db.$transaction([
      this.db.personSkill.deleteMany({ where: { personId, skill: { notIn: wanted }, confirmedAt: null } }),
      this.db.personSkill.createMany({ data: wanted.map((skill) => ({ personId, skill })), skipDuplicates: true }),
    ]);
  }
}
