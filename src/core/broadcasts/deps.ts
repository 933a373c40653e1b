import type { BroadcastRepository } from './broadcast-repository.js';
import type { Clock, Logger, Platform } from '../ports.js';
import type { CoreSettings } from '../settings.js';
import type { OutboxRepository } from '../outbox-repository.js';
import type { PeopleRepository } from '../people/people-repository.js';
import type { WorkshopsRepository } from '../workshops/workshops-repository.js';

/** What the broadcasts feature's use cases are given: its ports, the clock and its settings; nothing else. */
export interface BroadcastsDeps {
  broadcasts: BroadcastRepository;
  outbox: OutboxRepository;
  people: PeopleRepository;
  workshops: WorkshopsRepository;
  clock: Clock;
  logger: Logger;
  settings: CoreSettings & {
    /** BROADCAST_APPROVAL: a second HR person approves every broadcast before it is sent. */
    broadcastApproval?: boolean;
    /** Messages per second per workspace/tenant, to plan a broadcast's rows at the pace they can go. */
    deliveryPace?: Partial<Record<Platform, number>>;
  };
}
