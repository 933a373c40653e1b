import type { AuditRepository } from '../core/audit/audit-repository.js';
import type { BroadcastFailuresRepository } from '../core/broadcasts/broadcast-failures-repository.js';
import type { DemoRepository } from '../core/demo/demo-repository.js';
import type { KlusImportRepository } from '../core/klussen/klus-import-repository.js';
import type { SyncReport } from '../core/directory/sync-directory.js';
import type { CampaignImportRepository } from '../core/nudges/campaign-import-repository.js';
import type { NudgeRepository } from '../core/nudges/nudge-repository.js';
import type { EngagementReportRepository } from '../core/nudges/report-repository.js';
import type { OrganizationRepository } from '../core/organizations/organization-repository.js';
import type { PeopleAdminRepository } from '../core/people/people-admin-repository.js';
import type { PrivacyRequests } from '../core/privacy/privacy-requests.js';
import type { PromptLibraryRepository } from '../core/reflection/prompt-library-repository.js';
import type { WorkshopFilesRepository } from '../core/workshops/workshop-files-repository.js';

/** Where a command reads and writes: the terminal and disk in the CLI, buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<Buffer>;
  writeFile(path: string, data: string): Promise<void>;
}

/** The directory syncs and the follow-up for leavers, as the composition root wires them. */
export interface DirectoryCommands {
  available(): { directory: boolean; slack: boolean };
  /** Throws when the source is not configured, or DirectoryUnavailableError when it could not be read completely. */
  /** `signal`: the scheduled run stops when the bot stops (nothing changed then). */
  syncDirectory(dryRun: boolean, signal?: AbortSignal): Promise<SyncReport>;
  syncSlack(dryRun: boolean, signal?: AbortSignal): Promise<SyncReport>;
  /** Seats and klus hands of people who left go back (after `import people` with `active=nee`). */
  releaseLeavers(): Promise<{ seats: number; hands: number }>;
}

/** What the commands work with; the composition roots (CLI, the bot's bridge) build it over their database. */
export interface CliDeps {
  people: PeopleAdminRepository;
  organizations: OrganizationRepository;
  workshopFiles: WorkshopFilesRepository;
  klusImport: KlusImportRepository;
  promptLibrary: PromptLibraryRepository;
  campaignImport: CampaignImportRepository;
  nudges: Pick<NudgeRepository, 'listCampaigns' | 'setCampaignStatus'>;
  engagementReport: EngagementReportRepository;
  broadcastFailures: BroadcastFailuresRepository;
  audit: AuditRepository;
  demo: DemoRepository;
  privacy: PrivacyRequests;
  directory: DirectoryCommands;
  /** Applies database migrations; returns the names of those applied. */
  migrate(): Promise<string[]>;
  timezone: string;
  now(): Date;
}

export function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
