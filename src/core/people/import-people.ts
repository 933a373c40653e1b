import { z } from 'zod';
import { educationLevelsText, parseEducationLevel } from './education.js';
import { checkManagers } from './managers.js';
import { normaliseEmail, normaliseSkill } from './person.js';
import { CsvFileError, parseCsv } from '../import/csv.js';
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

/** Later columns: a file without them keeps working and leaves what is stored for them as it is. */
export const OPTIONAL_PEOPLE_COLUMNS = ['manager_email', 'employee_number', 'job_title', 'active'] as const;

const ACTIVE: Record<string, boolean> = { '': true, ja: true, j: true, yes: true, y: true, true: true, '1': true, nee: false, n: false, no: false, false: false, '0': false };

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
    education_level: z.string().transform((v, ctx) => {
      const level = parseEducationLevel(v);
      if (level === null) {
        ctx.addIssue({ code: 'custom', message: `"${v.trim()}" is not an education level (use one of: ${educationLevelsText()}, or leave it empty)` });
        return z.NEVER;
      }
      return level;
    }),
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
    manager_email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.union([z.literal(''), z.email('not a valid e-mail address')]))
      .optional(),
    employee_number: text(50).optional(),
    job_title: text(200).optional(),
    active: z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => v in ACTIVE, 'must be ja or nee (true or false; empty = ja)')
      .transform((v) => ACTIVE[v]!)
      .optional(),
  })
  .refine((r) => (r.platform === '') === (r.platform_user_id === ''), {
    message: 'platform and platform_user_id go together',
    path: ['platform_user_id'],
  });

/** `undefined` when the file has no such column (keep what is stored), null when the cell is empty. */
const optionalCell = (v: string | undefined) => (v === undefined ? undefined : v || null);

/**
 * `import people`: every row checked (levels, team leaders, cycles) before anything is stored, then all rows in
 * one transaction. Returns the report and the people who left with this file (their seats and hands still to give
 * back: `releaseLeavers`).
 */
export async function importPeople(people: PeopleAdminRepository, file: Buffer | string, now: Date = new Date()): Promise<ImportReport> {
  const rows = validateRows(parseCsv(file, PEOPLE_COLUMNS, OPTIONAL_PEOPLE_COLUMNS), row, (r) => normaliseEmail(r.email));
  const managerErrors = await checkManagers(
    rows.map(({ line, value: r }) => ({ line, email: r.email, managerEmail: optionalCell(r.manager_email) })),
    (emails) => people.managersByEmail(emails),
  );
  if (managerErrors.length) throw new CsvFileError(dedupe(managerErrors));
  const counts = await people.importPeople(
    rows.map(({ value: r }) => ({
      email: r.email,
      name: r.name,
      organization: r.organization,
      department: r.department || null,
      educationLevel: r.education_level || null,
      managerEmail: optionalCell(r.manager_email),
      employeeNumber: optionalCell(r.employee_number),
      jobTitle: optionalCell(r.job_title),
      active: r.active,
      roles: [...ROLES[r.role as keyof typeof ROLES]],
      locale: r.locale,
      skills: r.skills,
      platform: r.platform ? (r.platform === 'slack' ? 'SLACK' : 'TEAMS') : null,
      platformUserId: r.platform_user_id,
    })),
    now,
  );
  return { kind: 'people', ...counts };
}

const dedupe = (errors: { line: number; message: string }[]) =>
  errors.filter((e, i) => errors.findIndex((x) => x.line === e.line && x.message === e.message) === i).sort((a, b) => a.line - b.line);
