import { Bot } from './core/chat/bot.js';
import type { Config } from './config.js';
import type { CoreContext } from './core/context.js';
import type { NudgeSettings } from './core/nudges/settings.js';
import type { Clock, Logger } from './core/ports.js';
import { systemClock } from './core/ports.js';
import type { Database } from './db/database.js';
import { PrismaBroadcastRepository } from './db/broadcasts/broadcasts.js';
import { PrismaChartStore } from './db/nudges/charts.js';
import { PrismaDossierRepository } from './db/reflection/dossier.js';
import { PrismaDownloadRepository } from './db/downloads/downloads.js';
import { PrismaKlussenRepository } from './db/klussen/klussen.js';
import { PrismaEngagementReportRepository } from './db/nudges/nudge-report.js';
import { PrismaNudgeRepository } from './db/nudges/nudges.js';
import { PrismaOutboxRepository } from './db/outbox/outbox.js';
import { PrismaPeopleRepository } from './db/people/people.js';
import { PrismaPrivacyRepository } from './db/privacy/privacy.js';
import { PrismaProgrammeRepository } from './db/reflection/programmes.js';
import { PrismaPromptScheduleRepository } from './db/reflection/prompt-schedule.js';
import { PrismaReflectionRepository } from './db/reflection/reflections.js';
import { PrismaWorkshopAdminRepository } from './db/workshops/workshop-admin.js';
import { PrismaWorkshopsRepository } from './db/workshops/workshops.js';

export interface AppSettings {
  timezone: string;
  defaultLocale: 'nl' | 'en';
  adminUsers: readonly string[];
  publicUrl: string;
  broadcastApproval?: boolean;
  deliveryPace?: Partial<Record<'SLACK' | 'TEAMS' | 'CONSOLE', number>>;
  nudges?: NudgeSettings;
}

/** Wires the core to the database: the one place where repositories are chosen. */
export function createCore(db: Database, settings: AppSettings, logger: Logger, clock: Clock = systemClock) {
  const p = db.prisma;
  const ctx: CoreContext = {
    people: new PrismaPeopleRepository(p),
    workshops: new PrismaWorkshopsRepository(p),
    workshopAdmin: new PrismaWorkshopAdminRepository(p),
    klussen: new PrismaKlussenRepository(p),
    reflections: new PrismaReflectionRepository(p),
    promptSchedule: new PrismaPromptScheduleRepository(p),
    programmes: new PrismaProgrammeRepository(p),
    dossier: new PrismaDossierRepository(p),
    downloads: new PrismaDownloadRepository(p),
    privacy: new PrismaPrivacyRepository(p),
    outbox: new PrismaOutboxRepository(p),
    broadcasts: new PrismaBroadcastRepository(p),
    nudges: new PrismaNudgeRepository(p),
    engagementReport: new PrismaEngagementReportRepository(p),
    charts: new PrismaChartStore(p),
    clock,
    logger,
    settings,
  };
  return { ctx, bot: new Bot(ctx) };
}

export type Core = ReturnType<typeof createCore>;

/** The core's settings from the configuration: one place, so the bot and the console chat enforce the same rules. */
export function coreSettings(config: Config, publicUrl: string): AppSettings {
  return {
    timezone: config.timezone,
    defaultLocale: config.defaultLocale,
    adminUsers: config.adminUsers,
    publicUrl,
    broadcastApproval: config.broadcastApproval,
    deliveryPace: { SLACK: config.outbox.slackRatePerSecond, TEAMS: config.outbox.teamsRatePerSecond },
    nudges: config.nudges,
  };
}
