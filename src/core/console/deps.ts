import type { AuditRepository } from '../audit/audit-repository.js';
import type { PeopleRepository } from '../people/people-repository.js';
import type { Clock } from '../ports.js';
import type { CoreSettings } from '../settings.js';
import type { ConsoleAccessRepository } from './console-repository.js';

/** What the console's sign-in use cases are given. */
export interface ConsoleDeps {
  consoleAccess: ConsoleAccessRepository;
  people: PeopleRepository;
  audit: AuditRepository;
  clock: Clock;
  settings: CoreSettings;
}
