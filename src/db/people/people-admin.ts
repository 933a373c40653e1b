import type { ImportCounts } from '../../core/import/import-report.js';
import { sameValues } from '../../core/import/import-report.js';
import type { PeopleAdminRepository, PersonImport } from '../../core/people/people-admin-repository.js';
import type { Role } from '../../core/people/person.js';
import type { Prisma } from '../database.js';
import { ensureOrganizations } from '../organizations/organizations.js';

export class PrismaPeopleAdminRepository implements PeopleAdminRepository {
  constructor(private readonly db: Prisma) {}

  async importPeople(rows: PersonImport[]): Promise<ImportCounts> {
    const report: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    await this.db.$transaction(
      async (tx) => {
        const orgs = await ensureOrganizations(tx, rows.map((r) => r.organization));
        for (const r of rows) {
          const wanted = {
            name: r.name,
            organizationId: r.organization ? orgs.get(r.organization)! : null,
            department: r.department,
            educationLevel: r.educationLevel,
            roles: r.roles,
            ...(r.locale ? { locale: r.locale } : {}),
          };
          const existing = await tx.person.findUnique({ where: { email: r.email }, include: { skills: true } });
          let personId: string;
          let changed = false;
          if (!existing) {
            personId = (await tx.person.create({ data: { email: r.email, ...wanted, locale: r.locale || null } })).id;
            report.created++;
          } else {
            personId = existing.id;
            if (!sameValues(existing, wanted) || existing.erasedAt) {
              await tx.person.update({ where: { id: personId }, data: { ...wanted, erasedAt: null } });
              changed = true;
            }
          }
          const have = new Set(existing?.skills.map((s) => s.skill) ?? []);
          const add = r.skills.filter((s) => !have.has(s));
          if (add.length) {
            await tx.personSkill.createMany({ data: add.map((skill) => ({ personId, skill })), skipDuplicates: true });
            changed = true;
          }
          if (r.platform) {
            const platform = r.platform;
            const known = await tx.channelIdentity.findFirst({ where: { platform, userId: r.platformUserId } });
            if (!known) {
              await tx.channelIdentity.create({ data: { platform, tenantId: '', userId: r.platformUserId, personId } });
              changed = true;
            } else if (known.personId !== personId) {
              await tx.channelIdentity.update({ where: { id: known.id }, data: { personId } });
              changed = true;
            }
          }
          if (existing) report[changed ? 'updated' : 'unchanged']++;
        }
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    return report;
  }

  async personIdByChannel(platform: 'SLACK' | 'TEAMS', userId: string): Promise<string | null> {
    const identity = await this.db.channelIdentity.findFirst({ where: { platform, userId } });
    return identity?.personId ?? null;
  }

  async personIdByEmail(email: string): Promise<string | null> {
    const p = await this.db.person.findUnique({ where: { email } });
    return p && !p.erasedAt ? p.id : null;
  }

  async roles(personId: string): Promise<Role[]> {
    return (await this.db.person.findUniqueOrThrow({ where: { id: personId } })).roles as Role[];
  }

  async setRoles(personId: string, roles: Role[]): Promise<void> {
    await this.db.person.update({ where: { id: personId }, data: { roles } });
  }
}
