import type { OutboxRepository } from '../outbox-repository.js';
import type { Clock } from '../ports.js';
import type { CoreSettings } from '../settings.js';
import type { ProxySignups } from '../workshops/proxy-signups.js';
import type { WorkshopsRepository } from '../workshops/workshops-repository.js';
import type { TeamRepository } from './team-repository.js';

/** What the team leader's toolbox is given: its port, the workshops it signs people up for, the outbox. */
export interface TeamDeps {
  team: TeamRepository;
  workshops: WorkshopsRepository;
  proxy: ProxySignups;
  outbox: OutboxRepository;
  clock: Clock;
  settings: CoreSettings;
}
