import type { ImportCounts } from '../import/import-report.js';

/** The fields a prompt has, whether it comes from the shipped library or from HR's file. */
export interface PromptFields {
  key: string;
  kind: 'REFLECTION' | 'SCENARIO' | 'SCALE';
  theme: string;
  audiences: string[];
  textNl: string;
  textEn: string;
  followUpNl: string | null;
  followUpEn: string | null;
}

/** One programme with its steps; a step names its prompt by key (library) or by id (HR's file, checked first). */
export interface ProgrammeFields<Step> {
  key: string;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  steps: Step[];
}

export interface StepFields {
  phase: string;
  phaseEn: string;
  titleNl: string;
  titleEn: string;
  offsetDays: number;
}

export type HrProgramme = ProgrammeFields<StepFields & { position: number; promptId: string | null }>;
export type LibraryProgramme = ProgrammeFields<StepFields & { promptKey: string }>;

export interface PromptLibraryRepository {
  /** Which of these keys belong to prompts that are not HR's own. */
  libraryKeys(keys: string[]): Promise<string[]>;
  /** HR's prompts (`source = 'hr'`), in one transaction, by key. */
  importPrompts(rows: (PromptFields & { active: boolean })[]): Promise<ImportCounts>;
  /** Key → id of the prompts with these keys. */
  promptIds(keys: string[]): Promise<Map<string, string>>;
  /** In one transaction, by key; steps the file no longer lists (beyond its count) are removed. */
  importProgrammes(programmes: HrProgramme[]): Promise<ImportCounts>;
  /** The shipped library: existing library prompts are updated, HR's own left alone; steps by position. */
  loadLibrary(prompts: PromptFields[], programmes: LibraryProgramme[]): Promise<void>;
}
