import type { Clock } from '../ports.js';
import type { CoreSettings } from '../settings.js';
import type { DossierRepository } from './dossier.js';
import type { DownloadRepository } from '../downloads/download-repository.js';
import type { ProgrammeRepository } from './programme.js';
import type { PromptScheduleRepository } from './schedule-repository.js';
import type { ReflectionRepository } from './reflection-repository.js';
import type { WorkshopsRepository } from '../workshops/workshops-repository.js';

/** What the reflection feature's use cases are given: its ports, the clock and its settings; nothing else. */
export interface ReflectionDeps {
  reflections: ReflectionRepository;
  promptSchedule: PromptScheduleRepository;
  programmes: ProgrammeRepository;
  dossier: DossierRepository;
  downloads: DownloadRepository;
  workshops: WorkshopsRepository;
  clock: Clock;
  settings: CoreSettings;
}
