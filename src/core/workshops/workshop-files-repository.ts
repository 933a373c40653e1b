import type { ImportCounts } from '../import/import-report.js';

/** One validated row of a workshops file. */
export interface WorkshopImport {
  key: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  onlineUrl: string | null;
  capacity: number;
  tags: string[];
  /** Organisations by name (none = open to the whole region); unknown ones are created. */
  openTo: string[];
}

export interface SignupListRow {
  /** Null when the person is gone. */
  person: { name: string; email: string | null; organizationName: string | null; department: string | null } | null;
  status: 'CONFIRMED' | 'WAITLISTED';
  attended: boolean | null;
  /** The team leader who signed the person up for them, or null. */
  signedUpBy?: string | null;
}

export interface WorkshopFilesRepository {
  /**
   * All rows in one transaction, by key. A changed workshop raises its calendar sequence, and the people signed up
   * hear about it (as any change of a workshop does).
   */
  importWorkshops(rows: WorkshopImport[]): Promise<ImportCounts>;
  /** Confirmed seats first, then the waitlist in its order; null for an unknown key. */
  signupList(key: string): Promise<{ workshop: { key: string; title: string; startsAt: Date }; signups: SignupListRow[] } | null>;
}
