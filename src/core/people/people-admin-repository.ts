import type { ImportCounts } from '../import/import-report.js';
import type { Role } from './person.js';

/** One validated row of a people file. */
export interface PersonImport {
  email: string;
  name: string;
  /** Organisation by name ('' = none); unknown ones are created. */
  organization: string;
  department: string | null;
  educationLevel: string | null;
  roles: Role[];
  /** '' = keep the person's locale (a new person gets none). */
  locale: string;
  skills: string[];
  platform: 'SLACK' | 'TEAMS' | null;
  platformUserId: string;
  /** The team leader by e-mail (in the file or already stored); null = none; undefined = keep the stored one. */
  managerEmail?: string | null | undefined;
  employeeNumber?: string | null | undefined;
  jobTitle?: string | null | undefined;
  /** false = left (deactivated, not deleted); true = (back) at work; undefined = the file has no `active` column. */
  active?: boolean | undefined;
}

export interface PeopleAdminRepository {
  /**
   * All rows in one transaction, by e-mail; an erased person who is imported again comes back. Team leaders are
   * set after every row exists (a leader may come later in the file). `active` false deactivates (by 'import'),
   * true reactivates someone the import had deactivated; their pending messages are cancelled in the same transaction.
   */
  importPeople(rows: PersonImport[], now: Date): Promise<ImportCounts>;
  /** Stored people (not erased) among `emails`, with their team leader's e-mail. */
  managersByEmail(emails: string[]): Promise<Map<string, string | null>>;
  personIdByChannel(platform: 'SLACK' | 'TEAMS', userId: string): Promise<string | null>;
  /** Only a person who is not erased. */
  personIdByEmail(email: string): Promise<string | null>;
  roles(personId: string): Promise<Role[]>;
  setRoles(personId: string, roles: Role[]): Promise<void>;
}
