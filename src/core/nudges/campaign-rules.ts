import { z } from 'zod';
import { NUDGE_ACTIONS, targetSchema, variantText } from './campaign.js';
import { checkB1 } from '../language/b1.js';
import { educationLevelsText, parseEducationLevel } from '../people/education.js';
import { parseDateTime, startOfLocalDay } from '../time.js';
import { parseHours } from './window.js';
import type { CampaignImport, CampaignImportRepository } from './campaign-import-repository.js';

/**
 * The one rule set for nudge campaigns, whichever way they come in: the JSON file of `vliegwiel campaign import`
 * and the console's campaign form both hand their campaigns (in the file's shape) to `checkCampaigns`.
 */

/** One problem: which campaign (`where`), which field (`path`, dotted as in the file) and what is wrong. */
export interface CampaignProblem {
  where: string;
  path: string;
  message: string;
}

export const problemText = (p: CampaignProblem) => `${p.where} ${p.path}: ${p.message}`;

const ROLES = { employee: 'EMPLOYEE', manager: 'MANAGER', hr: 'HR' } as const;

const fileVariant = z.object({
  key: z.string().trim().regex(/^[A-Za-z0-9]{1,8}$/, 'a short key such as A or B'),
  action: z.enum(NUDGE_ACTIONS).optional(),
  nl: variantText,
  en: variantText,
});

/** The file's shape of one campaign. */
export const fileCampaignSchema = (validCron: (s: string) => boolean) => z.object({
  key: z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/i, 'letters, digits, - and _ (at most 63)'),
  name: z.string().trim().min(1).max(200),
  status: z.enum(['draft', 'active', 'paused', 'ended']).optional(),
  schedule: z
    .string()
    .trim()
    .refine((s) => s.split(/\s+/).length === 5 && validCron(s), 'a cron expression of 5 fields, e.g. "0 9 * * 2" (Tuesday 09:00)'),
  startsAt: z.string().optional(),
  endsAt: z.string().optional(),
  action: z.enum(NUDGE_ACTIONS).default('workshops'),
  target: z
    .object({
      organizations: z.array(z.string().trim().min(1)).default([]),
      departments: z.array(z.string()).default([]),
      educationLevels: z
        .array(z.string())
        .default([])
        .superRefine((levels, ctx) => {
          for (const l of levels) if (!parseEducationLevel(l)) ctx.addIssue({ code: 'custom', message: `"${l}" is not an education level (use one of: ${educationLevelsText()})` });
        })
        .transform((levels) => [...new Set(levels.map((l) => parseEducationLevel(l) as string))]),
      groups: z.array(z.string().trim().min(1)).default([]),
      teamsOf: z.array(z.string().trim().toLowerCase().pipe(z.email('a team leader by e-mail address'))).default([]),
      roles: z.array(z.string().trim().toLowerCase().pipe(z.enum(['employee', 'manager', 'hr']))).default([]),
      inactiveWeeks: z.number().int().min(0).max(52).default(0),
      hours: z.string().optional(),
      days: z.array(z.number().int().min(1).max(7)).min(1).optional(),
    })
    .strict()
    .default({ organizations: [], departments: [], educationLevels: [], groups: [], teamsOf: [], roles: [], inactiveWeeks: 0 }),
  variants: z.array(fileVariant).min(1).max(4),
}).strict();

export type FileCampaign = z.output<ReturnType<typeof fileCampaignSchema>>;

/** `YYYY-MM-DD` (the start, or the end, of that local day) or a moment as workshops take it. */
function moment(text: string | undefined, tz: string, endOfDay: boolean): Date | null | 'bad' {
  if (text === undefined || text.trim() === '') return null;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? parseDateTime(`${text.trim()} 00:00`, tz) : null;
  if (day) return endOfDay ? startOfLocalDay(day, tz, 1) : day;
  return parseDateTime(text, tz) ?? 'bad';
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/**
 * Problems a campaign has beyond its shape: plain Dutch, placeholders that fit the button, hours, dates. Reads what
 * it can of a campaign whose shape is wrong too, so that every mistake is named at once.
 */
function check(raw: unknown, where: string, tz: string): CampaignProblem[] {
  const problems: CampaignProblem[] = [];
  const add = (path: string, message: string) => problems.push({ where, path, message });
  const c = obj(raw);
  const keys = new Set<string>();
  const variants = Array.isArray(c.variants) ? c.variants : [];
  for (const [i, item] of variants.entries()) {
    const v = obj(item);
    const at = `variants[${i}]`;
    const key = str(v.key)?.trim().toUpperCase();
    if (key && keys.has(key)) add(`${at}.key`, `variant ${key} appears twice`);
    if (key) keys.add(key);
    const action = str(v.action) ?? str(c.action) ?? 'workshops';
    for (const field of ['text', 'button'] as const) {
      for (const f of checkB1(str(obj(v.nl)[field]) ?? '')) add(`${at}.nl.${field}`, `not plain Dutch (B1): ${f.kind} (${f.detail})`);
      for (const lang of ['nl', 'en'] as const) {
        if (action !== 'workshops' && str(obj(v[lang])[field])?.includes('{count}')) add(`${at}.${lang}.${field}`, `{count} only works with action "workshops"`);
      }
    }
  }
  const hours = obj(c.target).hours;
  if (hours !== undefined && !(typeof hours === 'string' && parseHours(hours))) add('target.hours', 'a window of local time such as 07:00-15:00');
  const starts = moment(str(c.startsAt), tz, false);
  const ends = moment(str(c.endsAt), tz, true);
  if (starts === 'bad') add('startsAt', 'use 2027-03-01 or 2027-03-01 09:00');
  if (ends === 'bad') add('endsAt', 'use 2027-06-30 or 2027-06-30 17:00');
  if (starts instanceof Date && ends instanceof Date && ends <= starts) add('endsAt', 'must be after startsAt');
  return problems;
}

export interface CampaignRuleOptions {
  timezone: string;
  /** `validCron` comes from the scheduler's library, which the core does not import. */
  validCron: (expression: string) => boolean;
}

/**
 * Checks campaigns in the file's shape (shape, cron, organisations, plain Dutch, dates) and names every problem.
 * Without problems, each comes back ready to store (organisations resolved to ids, levels and roles normalised).
 */
export async function checkCampaigns(
  campaigns: Pick<CampaignImportRepository, 'organizationsByKey'>,
  list: unknown[],
  opts: CampaignRuleOptions,
): Promise<{ ok: true; campaigns: CampaignImport[] } | { ok: false; problems: CampaignProblem[] }> {
  const fileCampaign = fileCampaignSchema(opts.validCron);
  const problems: CampaignProblem[] = [];
  const parsed: { c: FileCampaign; where: string }[] = [];
  for (const [i, item] of list.entries()) {
    const name = (item as { key?: unknown } | null)?.key;
    const where = `campaign ${i + 1}${typeof name === 'string' ? ` (${name})` : ''}`;
    const r = fileCampaign.safeParse(item);
    const beyondShape = check(item, where, opts.timezone);
    if (!r.success) {
      for (const issue of r.error.issues) problems.push({ where, path: issue.path.join('.') || '(campaign)', message: issue.message });
      problems.push(...beyondShape);
      continue;
    }
    if (parsed.some((p) => p.c.key === r.data.key)) problems.push({ where, path: 'key', message: `${r.data.key} appears twice in the file` });
    problems.push(...beyondShape);
    parsed.push({ c: r.data, where });
  }
  const orgKeys = [...new Set(parsed.flatMap((p) => p.c.target.organizations.map((k) => k.toLowerCase())))];
  const orgs = await campaigns.organizationsByKey(orgKeys);
  const orgId = new Map(orgs.map((o) => [o.key.toLowerCase(), o.id]));
  for (const p of parsed) {
    for (const k of p.c.target.organizations) {
      if (!orgId.has(k.toLowerCase())) problems.push({ where: p.where, path: 'target.organizations', message: `unknown organisation "${k}"` });
    }
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    campaigns: parsed.map(({ c }) => {
      const t = c.target;
      const target = targetSchema.parse({
        ...t,
        organizations: t.organizations.map((k) => orgId.get(k.toLowerCase())!).sort(),
        roles: t.roles.map((r) => ROLES[r]),
      });
      const variants = c.variants.map((v) => ({ key: v.key.toUpperCase(), action: v.action ?? c.action, nl: v.nl, en: v.en }));
      const startsAt = moment(c.startsAt, opts.timezone, false) as Date | null;
      const endsAt = moment(c.endsAt, opts.timezone, true) as Date | null;
      const status = c.status ? (c.status.toUpperCase() as 'DRAFT' | 'ACTIVE' | 'PAUSED' | 'ENDED') : null;
      return { key: c.key, name: c.name, target, variants, schedule: c.schedule, startsAt, endsAt, status };
    }),
  };
}
