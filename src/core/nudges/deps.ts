import type { ChartStore } from './chart.js';
import type { Clock, Logger } from '../ports.js';
import type { CoreSettings } from '../settings.js';
import type { DownloadRepository } from '../downloads/download-repository.js';
import type { EngagementReportRepository } from './report-repository.js';
import type { NudgeRepository } from './nudge-repository.js';
import type { NudgeSettings } from './settings.js';
import type { WorkshopsRepository } from '../workshops/workshops-repository.js';

/** What the nudges feature's use cases are given: its ports, the clock and its settings; nothing else. */
export interface NudgesDeps {
  nudges: NudgeRepository;
  engagementReport: EngagementReportRepository;
  charts: ChartStore;
  downloads: DownloadRepository;
  workshops: WorkshopsRepository;
  clock: Clock;
  logger: Logger;
  /** Quiet hours, weekly cap, activity window and digest schedule of nudges; defaults when absent. */
  settings: CoreSettings & { nudges?: NudgeSettings };
}
