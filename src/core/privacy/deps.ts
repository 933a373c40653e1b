import type { Clock } from '../ports.js';
import type { CoreSettings } from '../settings.js';
import type { DownloadRepository } from '../downloads/download-repository.js';
import type { PrivacyRepository } from './privacy-repository.js';
import type { WorkshopsRepository } from '../workshops/workshops-repository.js';
import type { LeaveReason } from '../people/leaving.js';

/** What the privacy feature's use cases are given: its ports, the clock and its settings; nothing else. */
export interface PrivacyDeps {
  privacy: PrivacyRepository;
  downloads: DownloadRepository;
  workshops: WorkshopsRepository;
  /** Withdraws the person's waiting messages and those naming them (people/leaving.ts, wired with every kind). */
  withdrawFromOutbox(personId: string, why: LeaveReason): Promise<number>;
  clock: Clock;
  settings: CoreSettings;
}
