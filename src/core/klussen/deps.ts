import type { Clock, Logger } from '../ports.js';
import type { CoreSettings } from '../settings.js';
import type { KlussenRepository } from './klussen-repository.js';
import type { PeopleRepository } from '../people/people-repository.js';

/** What the klussen feature's use cases are given: its ports, the clock and its settings; nothing else. */
export interface KlussenDeps {
  klussen: KlussenRepository;
  people: PeopleRepository;
  clock: Clock;
  logger: Logger;
  settings: CoreSettings;
}
