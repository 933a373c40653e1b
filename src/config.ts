import path from 'node:path';
import { z } from 'zod';
import type { NudgeSettings } from './core/nudges/settings.js';
import { nudgeEnv, nudgeSettingsFrom } from './nudge-config.js';
import type { RetentionPolicy } from './core/privacy/retention-policy.js';
import { retentionConflict, retentionEnv, retentionFrom } from './retention-config.js';
import { directoryEnv, directorySettingsFrom, type DirectorySettings } from './directory-config.js';

const bool = (name: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ['true', 'false', '1', '0', 'yes', 'no', ''].includes(v), {
      message: `${name} must be true or false`,
    })
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const url = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => URL.canParse(v), { message: `${name} must be a URL such as https://example.org/` });

const isTimezone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const positiveNumber = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => v !== '' && Number.isFinite(Number(v)) && Number(v) > 0, {
      message: `${name} must be a positive number`,
    })
    .transform(Number);

const schema = z.object({
  PORT: z
    .string()
    .trim()
    .default('3978')
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 0 && Number(v) <= 65535, {
      message: 'PORT must be a whole number from 0 to 65535',
    })
    .transform(Number),
  HOST: z.string().trim().default('0.0.0.0'),
  DATA_DIR: z.string().trim().min(1, 'DATA_DIR must not be empty').default('./data'),
  DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: 'DATABASE_URL must start with postgresql://',
  }),
  VLIEGWIEL_TIMEZONE: z
    .string()
    .trim()
    .default('Europe/Amsterdam')
    .refine(isTimezone, { message: 'VLIEGWIEL_TIMEZONE must be an IANA timezone such as Europe/Amsterdam' }),
  DEFAULT_LOCALE: z.enum(['nl', 'en'], { message: 'DEFAULT_LOCALE must be nl or en' }).default('nl'),
  ADMIN_USERS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every((e) => /^(slack|teams):[^\s:]+$/.test(e)), {
      message: 'ADMIN_USERS must be a comma list of slack:<userId> or teams:<aadObjectId>',
    }),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'SLACK_APP_TOKEN must be an app-level token starting with xapp-',
  }),
  SLACK_API_URL: url('SLACK_API_URL').default('https://slack.com/api/'),
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
      message: 'MICROSOFT_APP_TYPE must be MultiTenant, SingleTenant or UserAssignedMSI',
    })
    .optional(),
  TEAMS_INSECURE_DEV: bool('TEAMS_INSECURE_DEV').default(false),
  MICROSOFT_OPENID_METADATA_URL: url('MICROSOFT_OPENID_METADATA_URL').optional(),
  MICROSOFT_LOGIN_URL: url('MICROSOFT_LOGIN_URL').optional(),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'], { message: 'LOG_LEVEL must be debug, info, warn, error or silent' })
    .default('info'),
  // Outbox pacing per platform bucket (tenant/workspace) and per conversation; see README "Delivery".
  OUTBOX_WORKERS: positiveNumber('OUTBOX_WORKERS').default(32),
  SLACK_RATE_PER_SECOND: positiveNumber('SLACK_RATE_PER_SECOND').default(10),
  SLACK_CHANNEL_RATE_PER_SECOND: positiveNumber('SLACK_CHANNEL_RATE_PER_SECOND').default(1),
  SLACK_EDIT_RATE_PER_SECOND: positiveNumber('SLACK_EDIT_RATE_PER_SECOND').default(0.8),
  TEAMS_RATE_PER_SECOND: positiveNumber('TEAMS_RATE_PER_SECOND').default(30),
  TEAMS_CONVERSATION_RATE_PER_SECOND: positiveNumber('TEAMS_CONVERSATION_RATE_PER_SECOND').default(7),
  BROADCAST_APPROVAL: bool('BROADCAST_APPROVAL').default(false),
  PUBLIC_URL: url('PUBLIC_URL').optional(),
  // Quiet hours, weekly cap, activity window and digest of nudges; see README "Nudges".
  ...nudgeEnv,
  // How long each kind of data is kept; see README "Retention".
  ...retentionEnv,
  // Microsoft Graph for the directory sync, its schedule and the education attribute; see README "Directory sync".
  ...directoryEnv,
});

type Raw = z.infer<typeof schema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  timezone: string;
  defaultLocale: 'nl' | 'en';
  adminUsers: string[];
  logLevel: Raw['LOG_LEVEL'];
  publicUrl: string | undefined;
  slack:
    | { mode: 'http' | 'socket'; botToken: string; signingSecret: string; appToken?: string; apiUrl: string }
    | undefined;
  slackApiUrl: string;
  teams: {
    appId: string | undefined;
    appPassword: string | undefined;
    tenantId: string | undefined;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    insecureDev: boolean;
    openIdMetadataUrl: string | undefined;
    loginUrl: string | undefined;
  };
  teamsEnabled: boolean;
  outbox: {
    workers: number;
    /** Slack: per workspace, and per channel (a DM is a channel). */
    slackRatePerSecond: number;
    slackChannelRatePerSecond: number;
    /** chat.update / chat.delete per workspace (Slack Tier 3, about 50 a minute). */
    slackEditRatePerSecond: number;
    /** Teams: per tenant, and per conversation. */
    teamsRatePerSecond: number;
    teamsConversationRatePerSecond: number;
  };
  /** A second HR person approves every broadcast before it is sent. */
  broadcastApproval: boolean;
  nudges: NudgeSettings;
  /** Enforced nightly by the housekeeping.retention job. */
  retention: RetentionPolicy;
  directory: DirectorySettings;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly expected: string,
  ) {
    super(`Invalid setting ${variable}: ${expected}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    throw new ConfigError(variable, issue.message);
  }
  const e = parsed.data;

  let slack: Config['slack'];
  if (e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) {
    if (!e.SLACK_BOT_TOKEN) throw new ConfigError('SLACK_BOT_TOKEN', 'required when Slack is configured (xoxb-…)');
    if (!e.SLACK_SIGNING_SECRET)
      throw new ConfigError('SLACK_SIGNING_SECRET', 'required when Slack is configured (from Basic Information)');
    slack = {
      mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
      apiUrl: e.SLACK_API_URL,
    };
  }

  const appType = e.MICROSOFT_APP_TYPE ?? (e.MICROSOFT_APP_TENANT_ID ? 'SingleTenant' : 'MultiTenant');
  if (e.MICROSOFT_APP_ID && appType === 'SingleTenant' && !e.MICROSOFT_APP_TENANT_ID)
    throw new ConfigError('MICROSOFT_APP_TENANT_ID', 'required when MICROSOFT_APP_TYPE is SingleTenant');
  if (e.MICROSOFT_APP_ID && appType !== 'UserAssignedMSI' && !e.MICROSOFT_APP_PASSWORD)
    throw new ConfigError('MICROSOFT_APP_PASSWORD', 'required when MICROSOFT_APP_ID is set');
  if (e.MICROSOFT_APP_ID && e.TEAMS_INSECURE_DEV)
    throw new ConfigError('TEAMS_INSECURE_DEV', 'must be false when MICROSOFT_APP_ID is set (requests are authenticated)');
  const retention = retentionFrom(e);
  const conflict = retentionConflict(retention, (e as { NUDGE_ACTIVITY_WEEKS?: number }).NUDGE_ACTIVITY_WEEKS);
  if (conflict) throw new ConfigError(conflict.variable, conflict.message);

  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    timezone: e.VLIEGWIEL_TIMEZONE,
    defaultLocale: e.DEFAULT_LOCALE,
    adminUsers: e.ADMIN_USERS,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL,
    slack,
    slackApiUrl: e.SLACK_API_URL,
    teams: {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      appType,
      insecureDev: e.TEAMS_INSECURE_DEV,
      openIdMetadataUrl: e.MICROSOFT_OPENID_METADATA_URL,
      loginUrl: e.MICROSOFT_LOGIN_URL,
    },
    teamsEnabled: Boolean(e.MICROSOFT_APP_ID) || e.TEAMS_INSECURE_DEV,
    outbox: {
      workers: Math.floor(e.OUTBOX_WORKERS),
      slackRatePerSecond: e.SLACK_RATE_PER_SECOND,
      slackChannelRatePerSecond: e.SLACK_CHANNEL_RATE_PER_SECOND,
      slackEditRatePerSecond: e.SLACK_EDIT_RATE_PER_SECOND,
      teamsRatePerSecond: e.TEAMS_RATE_PER_SECOND,
      teamsConversationRatePerSecond: e.TEAMS_CONVERSATION_RATE_PER_SECOND,
    },
    broadcastApproval: e.BROADCAST_APPROVAL,
    nudges: nudgeSettingsFrom(e),
    retention,
    directory: directorySettingsFrom(e),
  };
}
