import { z } from 'zod';
import { normaliseEmail, normaliseSkill } from './person.js';
import type { Prisma } from '../../db/database.js';
import { parseCsv } from '../import/csv.js';
import { ensureOrganizations } from '../organizations/organizations.js';
import { listOf, required, sameValues, text, validateRows, type ImportReport } from '../import/import-report.js';

export const PEOPLE_COLUMNS = [
  'platform',
  'platform_user_id',
  'email',
  'name',
  'organization',
  'department',
  'education_level',
  'role',
  'locale',
  'skills',
] as const;

const ROLES = { employee: ['EMPLOYEE'], manager: ['EMPLOYEE', 'MANAGER'], hr: ['EMPLOYEE', 'HR'] } as const;

const row = z
  .object({
    platform: z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => ['', 'slack', 'teams'].includes(v), 'must be slack or teams'),
    platform_user_id: text(100),
    email: z.string().trim().toLowerCase().pipe(z.email('not a valid e-mail address')),
    name: required('name'),
    organization: text(200),
    department: text(200),
    education_level: text(40).toLowerCase(),
    role: z
      .string()
      .trim()
      .toLowerCase()
      .transform((v) => v || 'employee')
      .refine((v) => v in ROLES, 'must be employee, manager or hr'),
    locale: z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => ['', 'nl', 'en'].includes(v), 'must be nl or en'),
    skills: text(2000).transform((s) => [...new Set(listOf(s).map(normaliseSkill))]),
  })
  .refine((r) => (r.platform === '') === (r.platform_user_id === ''), {
    message: 'platform and platform_user_id go together',
    path: ['platform_user_id'],
  });

export async function importPeople(db: Prisma, file: Buffer | string): Promise<ImportReport> {
  const rows = validateRows(parseCsv(file, PEOPLE_COLUMNS), row, (r) => normaliseEmail(r.email));
  const report: ImportReport = { kind: 'people', created: 0, updated: 0, unchanged: 0 };
  await db.$transaction(
    async (tx) => {
      const orgs = await ensureOrganizations(tx, rows.map((r) => r.value.organization));
      for (const { value: r } of rows) {
        const wanted = {
          name: r.name,
          organizationId: r.organization ? orgs.get(r.organization)! : null,
          department: r.department || null,
          educationLevel: r.education_level || null,
          roles: [...ROLES[r.role as keyof typeof ROLES]],
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
          const platform = r.platform === 'slack' ? 'SLACK' : 'TEAMS';
          const known = await tx.channelIdentity.findFirst({ where: { platform, userId: r.platform_user_id } });
          if (!known) {
            await tx.channelIdentity.create({ data: { platform, tenantId: '', userId: r.platform_user_id, personId } });
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
