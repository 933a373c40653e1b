import type { Clock } from '../ports.js';
import type { CoreSettings } from '../settings.js';
import type { DownloadRepository } from '../downloads/download-repository.js';
import type { PrivacyRepository } from './privacy-repository.js';
import type { WorkshopsRepository } from '../workshops/workshops-repository.js';

/** What the privacy feature's use cases are given: its ports, the clock and its settings; nothing else. */
export interface PrivacyDeps {
  privacy: PrivacyRepository;
  downloads: DownloadRepository;
  workshops: WorkshopsRepository;
  clock: Clock;
  settings: CoreSettings;
}
