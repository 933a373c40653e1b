import cron from 'node-cron';
import { z } from 'zod';

/** The directory sync's part of the environment schema (src/config.ts); README "Directory sync" documents it. */
export const directoryEnv = {
  MICROSOFT_GRAPH_URL: z
    .string()
    .trim()
    .default('https://graph.microsoft.com/')
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), { message: 'MICROSOFT_GRAPH_URL must be a URL such as https://graph.microsoft.com/' }),
  DIRECTORY_EDUCATION_ATTRIBUTE: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/.test(v), {
      message: 'DIRECTORY_EDUCATION_ATTRIBUTE must be a user property such as employeeType, extension_<app id>_educationLevel or onPremisesExtensionAttributes.extensionAttribute1',
    })
    .transform((v) => v || undefined),
  DIRECTORY_SYNC_SCHEDULE: z
    .string()
    .trim()
    .default('0 3 * * *')
    .refine((v) => v.toLowerCase() === 'off' || (v.split(/\s+/).length === 5 && cron.validate(v)), {
      message: 'DIRECTORY_SYNC_SCHEDULE must be a 5-field cron expression such as 0 3 * * * (daily at 03:00), or off',
    })
    .transform((v) => (v.toLowerCase() === 'off' ? null : v)),
};

export interface DirectorySettings {
  graphUrl: string;
  educationAttribute: string | undefined;
  /** Cron in VLIEGWIEL_TIMEZONE; null = no scheduled sync (the CLI still works). */
  schedule: string | null;
}

type DirectoryEnv = { [K in keyof typeof directoryEnv]: z.output<(typeof directoryEnv)[K]> };

export const directorySettingsFrom = (e: DirectoryEnv): DirectorySettings => ({
  graphUrl: e.MICROSOFT_GRAPH_URL,
  educationAttribute: e.DIRECTORY_EDUCATION_ATTRIBUTE,
  schedule: e.DIRECTORY_SYNC_SCHEDULE,
});
