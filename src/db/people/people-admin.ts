import type { ImportCounts } from '../../core/import/import-report.js';
import { sameValues } from '../../core/import/import-report.js';
import type { PeopleAdminRepository, PersonImport } from '../../core/people/people-admin-repository.js';
import type { Role } from '../../core/people/person.js';
import type { Prisma } from '../database.js';
import { ensureOrganizations } from '../organizations/organizations.js';
import { deactivateInTx, reactivateInTx } from './leavers.js';

export class PrismaPeopleAdminRepository implements PeopleAdminRepository {
  constructor(private readonly db: Prisma) {}

  async importPeople(rows: PersonImport[], now: Date): Promise<ImportCounts> {
    const report: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    await this.db.$transaction(
      async (tx) => {
        const orgs = await ensureOrganizations(tx, rows.map((r) => r.organization));
        const ids = new Map<string, string>();
        const changedIds = new Set<string>();
        const createdIds = new Set<string>();
        for (const r of rows) {
          const wanted = {
            name: r.name,
            organizationId: r.organization ? orgs.get(r.organization)! : null,
            department: r.department,
            educationLevel: r.educationLevel,
            roles: r.roles,
            ...(r.locale ? { locale: r.locale } : {}),
            ...(r.employeeNumber !== undefined ? { employeeNumber: r.employeeNumber } : {}),
            ...(r.jobTitle !== undefined ? { jobTitle: r.jobTitle } : {}),
          };
          const existing = await tx.person.findUnique({ where: { email: r.email }, include: { skills: true } });
          let personId: string;
          let changed = false;
          if (!existing) {
            personId = (await tx.person.create({ data: { email: r.email, ...wanted, locale: r.locale || null } })).id;
            createdIds.add(personId);
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
          ids.set(r.email, personId);
          if (changed) changedIds.add(personId);
        }
        // Team leaders once every row exists: a leader may come later in the file, or be stored already.
        const leaders = rows.flatMap((r) => (r.managerEmail ? [r.managerEmail] : [])).filter((e) => !ids.has(e));
        for (const p of await tx.person.findMany({ where: { email: { in: leaders }, erasedAt: null }, select: { id: true, email: true } })) {
          ids.set(p.email!, p.id);
        }
        const current = new Map(
          (await tx.person.findMany({ where: { id: { in: [...ids.values()] } }, select: { id: true, managerId: true } })).map((p) => [p.id, p.managerId]),
        );
        for (const r of rows) {
          if (r.managerEmail === undefined) continue;
          const id = ids.get(r.email)!;
          const managerId = r.managerEmail ? ids.get(r.managerEmail)! : null;
          if (current.get(id) === managerId) continue;
          await tx.person.update({ where: { id }, data: { managerId } });
          changedIds.add(id);
        }
        // Leavers and returners: only a real change of state counts as a change of the row.
        const state = new Map(
          (await tx.person.findMany({ where: { id: { in: [...ids.values()] } }, select: { id: true, deactivatedBy: true } })).map((p) => [p.id, p.deactivatedBy]),
        );
        const leaving = rows.filter((r) => r.active === false && state.get(ids.get(r.email)!) === null).map((r) => ids.get(r.email)!);
        const back = rows.filter((r) => r.active !== false && r.active !== undefined && state.get(ids.get(r.email)!) === 'import').map((r) => ids.get(r.email)!);
        // Reported only when it happened: a file without leavers reports as it always did.
        const deactivated = await deactivateInTx(tx, leaving, 'import', now);
        const reactivated = await reactivateInTx(tx, back, 'import');
        if (deactivated) report.deactivated = deactivated;
        if (reactivated) report.reactivated = reactivated;
        [...leaving, ...back].forEach((id) => changedIds.add(id));
        for (const r of rows) {
          const id = ids.get(r.email)!;
          if (!createdIds.has(id)) report[changedIds.has(id) ? 'updated' : 'unchanged']++;
        }
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    return report;
  }

  async managersByEmail(emails: string[]): Promise<Map<string, string | null>> {
    const rows = await this.db.person.findMany({
      where: { email: { in: emails }, erasedAt: null },
      select: { email: true, manager: { select: { email: true } } },
    });
    return new Map(rows.map((r) => [r.email!, r.manager?.email ?? null]));
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
