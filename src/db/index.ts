import { PrismaConsoleAccessRepository } from './console/console-access.js';
import { PrismaAuditRepository } from './audit/audit.js';
import { PrismaBroadcastRepository } from './broadcasts/broadcasts.js';
import type { Database } from './database.js';
import { PrismaDownloadRepository } from './downloads/downloads.js';
import { PrismaKlussenRepository } from './klussen/klussen.js';
import { PrismaChartStore } from './nudges/charts.js';
import { PrismaEngagementReportRepository } from './nudges/nudge-report.js';
import { PrismaNudgeRepository } from './nudges/nudges.js';
import { PrismaOutboxRepository } from './outbox/outbox.js';
import { PrismaPublicCatalogue } from './outreach/catalogue.js';
import { PrismaSeatRequests, PrismaTeamMembers } from './outreach/seat-requests.js';
import { PrismaPeopleRepository } from './people/people.js';
import { PrismaPrivacyRepository } from './privacy/privacy.js';
import { PrismaDossierRepository } from './reflection/dossier.js';
import { PrismaProgrammeRepository } from './reflection/programmes.js';
import { PrismaPromptScheduleRepository } from './reflection/prompt-schedule.js';
import { PrismaReflectionRepository } from './reflection/reflections.js';
import { PrismaWorkshopAdminRepository } from './workshops/workshop-admin.js';
import { PrismaWorkshopsRepository } from './workshops/workshops.js';
import { PrismaTeamRepository } from './team/team.js';

export { openDatabase, type Database, type DatabaseTarget } from './database.js';
export { EmbeddedDatabaseError, EmbeddedBusyError, LegacyDataDirError } from './embedded/errors.js';
export { runningBotUrl } from './embedded/embedded-server.js';

/** The repositories of every feature over one database: what the composition roots hand to the core. */
export function openRepositories(db: Database) {
  const p = db.prisma;
  return {
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
    publicCatalogue: new PrismaPublicCatalogue(p),
    seatRequests: new PrismaSeatRequests(p),
    teamMembers: new PrismaTeamMembers(p),
    team: new PrismaTeamRepository(p),
    consoleAccess: new PrismaConsoleAccessRepository(p),
    audit: new PrismaAuditRepository(p),
  };
}

export { OutboxStore } from './outbox/outbox-store.js';
export { PrismaFireClaims } from './schedule/fire-claims.js';
export { PrismaProcessedEvents } from './dedup/processed-events.js';
export { PrismaChannelIdentities } from './people/channel-identities.js';
export { PrismaChartStore } from './nudges/charts.js';
export { PrismaConsoleInbox } from './outbox/console-inbox.js';
export { adminPorts } from './admin-store.js';
export { PrismaDirectoryStore } from './directory/directory-store.js';
