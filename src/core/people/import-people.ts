import { z } from 'zod';
import { normaliseEmail, normaliseSkill } from './person.js';
import { parseCsv } from '../import/csv.js';
import { listOf, required, text, validateRows, type ImportReport } from '../import/import-report.js';
import type { PeopleAdminRepository } from './people-admin-repository.js';

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

export async function importPeople(people: PeopleAdminRepository, file: Buffer | string): Promise<ImportReport> {
  const rows = validateRows(parseCsv(file, PEOPLE_COLUMNS), row, (r) => normaliseEmail(r.email));
  const counts = await people.importPeople(
    rows.map(({ value: r }) => ({
      email: r.email,
      name: r.name,
      organization: r.organization,
      department: r.department || null,
      educationLevel: r.education_level || null,
      roles: [...ROLES[r.role as keyof typeof ROLES]],
      locale: r.locale,
      skills: r.skills,
      platform: r.platform ? (r.platform === 'slack' ? 'SLACK' : 'TEAMS') : null,
      platformUserId: r.platform_user_id,
    })),
  );
  return { kind: 'people', ...counts };
}
