import { Bot } from './core/chat/bot.js';
import type { CoreContext } from './core/context.js';
import type { Clock, Logger } from './core/ports.js';
import { systemClock } from './core/ports.js';
import type { Database } from './db/database.js';
import { PrismaKlussenRepository } from './db/repos/klussen.js';
import { PrismaOutboxRepository } from './db/repos/outbox.js';
import { PrismaPeopleRepository } from './db/repos/people.js';
import { PrismaPrivacyRepository } from './db/repos/privacy.js';
import { PrismaReflectionRepository } from './db/repos/reflections.js';
import { PrismaWorkshopAdminRepository } from './db/repos/workshop-admin.js';
import { PrismaWorkshopsRepository } from './db/repos/workshops.js';

export interface AppSettings {
  timezone: string;
  defaultLocale: 'nl' | 'en';
  adminUsers: readonly string[];
  publicUrl: string;
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
    privacy: new PrismaPrivacyRepository(p),
    outbox: new PrismaOutboxRepository(p),
    clock,
    logger,
    settings,
  };
  return { ctx, bot: new Bot(ctx) };
}

export type Core = ReturnType<typeof createCore>;
