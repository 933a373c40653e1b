import type { BroadcastRepository } from './broadcasts/broadcast-repository.js';
import type { DownloadRepository } from './downloads/download-repository.js';
import type { KlussenRepository } from './klussen/klussen-repository.js';
import type { ChartStore } from './nudges/chart.js';
import type { NudgeRepository } from './nudges/nudge-repository.js';
import type { EngagementReportRepository } from './nudges/report-repository.js';
import type { NudgeSettings } from './nudges/settings.js';
import type { OutboxRepository } from './outbox-repository.js';
import type { PeopleRepository } from './people/people-repository.js';
import type { Clock, Logger, Platform } from './ports.js';
import type { PrivacyRepository } from './privacy/privacy-repository.js';
import type { DossierRepository } from './reflection/dossier.js';
import type { ProgrammeRepository } from './reflection/programme.js';
import type { ReflectionRepository } from './reflection/reflection-repository.js';
import type { PromptScheduleRepository } from './reflection/schedule-repository.js';
import type { WorkshopAdminRepository } from './workshops/workshop-admin-repository.js';
import type { WorkshopsRepository } from './workshops/workshops-repository.js';

/** Everything the core's use cases need, passed in (no globals, no SDKs). */
export interface CoreContext {
  people: PeopleRepository;
  workshops: WorkshopsRepository;
  workshopAdmin: WorkshopAdminRepository;
  klussen: KlussenRepository;
  reflections: ReflectionRepository;
  promptSchedule: PromptScheduleRepository;
  programmes: ProgrammeRepository;
  dossier: DossierRepository;
  downloads: DownloadRepository;
  privacy: PrivacyRepository;
  outbox: OutboxRepository;
  broadcasts: BroadcastRepository;
  nudges: NudgeRepository;
  engagementReport: EngagementReportRepository;
  charts: ChartStore;
  clock: Clock;
  logger: Logger;
  settings: {
    timezone: string;
    defaultLocale: 'nl' | 'en';
    adminUsers: readonly string[];
    /** Base URL where the bot serves calendar files and downloads, without trailing slash. */
    publicUrl: string;
    /** BROADCAST_APPROVAL: a second HR person approves every broadcast before it is sent. */
    broadcastApproval?: boolean;
    /** Messages per second per workspace/tenant, to plan a broadcast's rows at the pace they can go. */
    deliveryPace?: Partial<Record<Platform, number>>;
    /** Quiet hours, weekly cap, activity window and digest schedule of nudges; defaults when absent. */
    nudges?: NudgeSettings;
  };
}
