import type { Core } from '../../app.js';
import type { AuditRepository } from '../../core/audit/audit-repository.js';
import type { BroadcastFailuresRepository } from '../../core/broadcasts/broadcast-failures-repository.js';
import type { LearningWeeksConsole } from '../../core/learning-weeks/learning-weeks-console.js';
import type { CampaignEditor } from '../../core/nudges/campaign-editor.js';
import type { BarChart } from '../../core/nudges/chart.js';
import type { EngagementReportRepository } from '../../core/nudges/report-repository.js';
import type { PeopleAdminRepository } from '../../core/people/people-admin-repository.js';
import type { WorkshopFilesRepository } from '../../core/workshops/workshop-files-repository.js';
import type { WorkshopConsole } from '../../core/workshops/workshop-console.js';

/** Everything the console's pages call: the bot's own core (the same use cases chat uses) and the admin ports. */
export interface ConsoleServices {
  core: Core;
  workshops: WorkshopConsole;
  workshopFiles: WorkshopFilesRepository;
  /** Learning weeks: list with fill, create, change; the workshop form puts workshops in them. */
  learningWeeks: LearningWeeksConsole;
  peopleAdmin: PeopleAdminRepository;
  audit: AuditRepository;
  engagementReport: EngagementReportRepository;
  /** Nudge campaigns: the form's use cases (the same rules as `campaign import`). */
  campaignEditor: CampaignEditor;
  /** The failed messages of a broadcast, for the download. */
  broadcastFailures: BroadcastFailuresRepository;
  /** Draws a report chart as an SVG document (the chart module is chosen by the composition root). */
  drawChart(chart: BarChart): Promise<string>;
  /** Entra ID token validation for the Teams tab; null when Teams SSO is not configured. */
  verifyTeamsToken: ((token: string) => Promise<{ oid: string } | { error: string }>) | null;
}
