import type { KlussenRepository } from './klussen/klussen-repository.js';
import type { OutboxRepository } from './outbox-repository.js';
import type { PeopleRepository } from './people/people-repository.js';
import type { Clock, Logger } from './ports.js';
import type { PrivacyRepository } from './privacy/privacy-repository.js';
import type { ReflectionRepository } from './reflection/reflection-repository.js';
import type { WorkshopAdminRepository } from './workshops/workshop-admin-repository.js';
import type { WorkshopsRepository } from './workshops/workshops-repository.js';

/** Everything the core's use cases need, passed in (no globals, no SDKs). */
export interface CoreContext {
  people: PeopleRepository;
  workshops: WorkshopsRepository;
  workshopAdmin: WorkshopAdminRepository;
  klussen: KlussenRepository;
  reflections: ReflectionRepository;
  privacy: PrivacyRepository;
  outbox: OutboxRepository;
  clock: Clock;
  logger: Logger;
  settings: {
    timezone: string;
    defaultLocale: 'nl' | 'en';
    adminUsers: readonly string[];
    /** Base URL where the bot serves calendar files and downloads, without trailing slash. */
    publicUrl: string;
  };
}
