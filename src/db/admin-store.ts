import { PrismaAuditRepository } from './audit/audit.js';
import { PrismaBroadcastFailuresRepository } from './broadcasts/broadcast-failures.js';
import type { Prisma } from './database.js';
import { PrismaDemoRepository } from './demo/demo.js';
import { PrismaLearningWeeksRepository } from './learning-weeks/learning-weeks.js';
import { PrismaKlusImportRepository } from './klussen/klus-import.js';
import { PrismaCampaignImportRepository } from './nudges/campaign-import.js';
import { PrismaEngagementReportRepository } from './nudges/nudge-report.js';
import { PrismaNudgeRepository } from './nudges/nudges.js';
import { PrismaOrganizationRepository } from './organizations/organizations.js';
import { PrismaPeopleAdminRepository } from './people/people-admin.js';
import { PrismaRetentionRepository } from './privacy/retention.js';
import { PrismaPromptLibraryRepository } from './reflection/prompt-library.js';
import { PrismaWorkshopFilesRepository } from './workshops/workshop-files.js';

/** The ports of the operator's use cases (imports, exports, roles, audit, retention, demo) over one database. */
export function adminPorts(prisma: Prisma) {
  return {
    people: new PrismaPeopleAdminRepository(prisma),
    organizations: new PrismaOrganizationRepository(prisma),
    workshopFiles: new PrismaWorkshopFilesRepository(prisma),
    learningWeeks: new PrismaLearningWeeksRepository(prisma),
    klusImport: new PrismaKlusImportRepository(prisma),
    promptLibrary: new PrismaPromptLibraryRepository(prisma),
    campaignImport: new PrismaCampaignImportRepository(prisma),
    nudges: new PrismaNudgeRepository(prisma),
    engagementReport: new PrismaEngagementReportRepository(prisma),
    broadcastFailures: new PrismaBroadcastFailuresRepository(prisma),
    audit: new PrismaAuditRepository(prisma),
    retention: new PrismaRetentionRepository(prisma),
    demo: new PrismaDemoRepository(prisma),
  };
}

export type AdminPorts = ReturnType<typeof adminPorts>;
