import { z } from 'zod';
import type { Locale } from '../messages.js';
import { parseHours, type SendWindow } from './window.js';

/** What the one button of a nudge opens: workshops chosen for the person, the klussen list, or a reflection question. */
export const NUDGE_ACTIONS = ['workshops', 'klussen', 'reflectie'] as const;
export type NudgeAction = (typeof NUDGE_ACTIONS)[number];

export type CampaignStatus = 'DRAFT' | 'ACTIVE' | 'PAUSED' | 'ENDED';

/** Placeholders HR may use in a nudge: `{count}` workshops chosen for the person, `{name}` their first name. */
export const PLACEHOLDERS = ['count', 'name'] as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `at most ${max} characters`)
    .refine((s) => [...s.matchAll(/\{(\w+)\}/g)].every((m) => (PLACEHOLDERS as readonly string[]).includes(m[1]!)), {
      message: `only the placeholders {count} and {name} are known`,
    });

export const variantText = z.object({ text: text(600), button: text(60) });

export const variantSchema = z.object({
  key: z.string().trim().regex(/^[A-Za-z0-9]{1,8}$/, 'a short key such as A or B'),
  action: z.enum(NUDGE_ACTIONS).default('workshops'),
  nl: variantText,
  en: variantText,
});

export type Variant = z.output<typeof variantSchema>;
export type VariantText = z.output<typeof variantText>;

const lowerList = z.array(z.string().trim().min(1).transform((s) => s.toLowerCase())).default([]);
/** As typed (shown so); matched without regard to case. */
const typedList = z.array(z.string().trim().min(1)).default([]);

/** The target as stored: organisation ids, lower-case attributes, inactivity and an optional own window. */
export const targetSchema = z.object({
  organizations: z.array(z.string()).default([]),
  departments: typedList,
  /** Levels of the vocabulary; `mbo` means every mbo level. */
  educationLevels: lowerList,
  /** Entra ID groups by object id or name. */
  groups: typedList,
  /** "The team of …": team leaders by e-mail. */
  teamsOf: lowerList,
  roles: z.array(z.enum(['EMPLOYEE', 'MANAGER', 'HR'])).default([]),
  /** Only people without any activity in this many weeks; 0 = regardless of activity. */
  inactiveWeeks: z.number().int().min(0).max(52).default(0),
  hours: z
    .string()
    .refine((s) => parseHours(s) !== null, 'a window such as 07:00-15:00')
    .optional(),
  days: z.array(z.number().int().min(1).max(7)).min(1).optional(),
});

export type CampaignTarget = z.output<typeof targetSchema>;

export interface Campaign {
  id: string;
  key: string;
  name: string;
  target: CampaignTarget;
  variants: Variant[];
  /** node-cron expression (5 fields) in VLIEGWIEL_TIMEZONE. */
  schedule: string;
  status: CampaignStatus;
  startsAt: Date | null;
  endsAt: Date | null;
  updatedAt: Date;
}

/** The campaign's own window, if its target sets hours or days. */
export function ownWindow(t: CampaignTarget): Partial<SendWindow> | undefined {
  const hours = t.hours ? parseHours(t.hours) : null;
  if (!hours && !t.days) return undefined;
  return { ...(hours ?? {}), ...(t.days ? { days: t.days } : {}) };
}

export const textFor = (v: Variant, locale: Locale): VariantText => v[locale];

/** Fills `{count}` and `{name}`; the first name only, as a colleague would write it. */
export function fill(template: string, values: { count: number; name: string }): string {
  const first = values.name.trim().split(/\s+/)[0] ?? '';
  return template.replace(/\{count\}/g, String(values.count)).replace(/\{name\}/g, first);
}
