import type { Clock } from '../ports.js';
import type { CoreSettings } from '../settings.js';
import type { WorkshopAdminRepository } from './workshop-admin-repository.js';
import type { WorkshopsRepository } from './workshops-repository.js';

/** What the workshops feature's use cases are given: its ports, the clock and its settings; nothing else. */
export interface WorkshopsDeps {
  workshops: WorkshopsRepository;
  workshopAdmin: WorkshopAdminRepository;
  clock: Clock;
  settings: CoreSettings;
}
