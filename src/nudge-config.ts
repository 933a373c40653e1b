import cron from 'node-cron';
import { z } from 'zod';
import type { NudgeSettings } from './core/nudges/settings.js';
import { parseDays, parseGroupWindows, parseHours } from './core/nudges/window.js';

const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, { message: `${name} must be a whole number from ${min} to ${max}` })
    .transform(Number);

/** The nudge settings' part of the environment schema (src/config.ts); README "Nudges" documents them. */
export const nudgeEnv = {
  NUDGE_HOURS: z
    .string()
    .trim()
    .default('09:00-17:00')
    .refine((v) => parseHours(v) !== null, { message: 'NUDGE_HOURS must be a window of local time such as 09:00-17:00' }),
  NUDGE_DAYS: z
    .string()
    .trim()
    .default('1-5')
    .refine((v) => parseDays(v) !== null, { message: 'NUDGE_DAYS must be ISO weekdays (1 = Monday) such as 1-5 or 1,2,3,4' }),
  NUDGE_GROUP_HOURS: z
    .string()
    .default('buitendienst=07:00-15:00')
    .refine((v) => parseGroupWindows(v, [1]) !== null, {
      message: 'NUDGE_GROUP_HOURS must be department=HH:mm-HH:mm[@days] separated by ; such as buitendienst=07:00-15:00',
    }),
  NUDGE_CAP_DAYS: wholeNumber('NUDGE_CAP_DAYS', 1, 365).default(7),
  NUDGE_ACTIVITY_WEEKS: wholeNumber('NUDGE_ACTIVITY_WEEKS', 1, 52).default(4),
  NUDGE_DIGEST_CRON: z
    .string()
    .trim()
    .default('0 8 * * 1')
    .refine((v) => v.split(/\s+/).length === 5 && cron.validate(v), { message: 'NUDGE_DIGEST_CRON must be a 5-field cron expression such as 0 8 * * 1' }),
};

type NudgeEnv = { [K in keyof typeof nudgeEnv]: z.output<(typeof nudgeEnv)[K]> };

/** Settings from the validated environment. */
export function nudgeSettingsFrom(e: NudgeEnv): NudgeSettings {
  const days = parseDays(e.NUDGE_DAYS)!;
  return {
    window: { ...parseHours(e.NUDGE_HOURS)!, days },
    groupWindows: parseGroupWindows(e.NUDGE_GROUP_HOURS, days)!,
    capDays: e.NUDGE_CAP_DAYS,
    activityWeeks: e.NUDGE_ACTIVITY_WEEKS,
    digestCron: e.NUDGE_DIGEST_CRON,
  };
}
