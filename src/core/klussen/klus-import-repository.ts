import type { ImportCounts } from '../import/import-report.js';

/** One validated row of a klussen file, its owner found. */
export interface KlusImport {
  key: string;
  title: string;
  description: string;
  skills: string[];
  hoursPerWeek: number | null;
  startsOn: Date | null;
  endsOn: Date | null;
  /** Organisation by name ('' = none); unknown ones are created. */
  organization: string;
  ownerId: string;
}

export interface KlusImportRepository {
  /** E-mail → person id, for people who are not erased. */
  ownerIds(emails: string[]): Promise<Map<string, string>>;
  /** All rows in one transaction, by key; a new klus is open and published now. */
  importKlussen(rows: KlusImport[]): Promise<ImportCounts>;
}
