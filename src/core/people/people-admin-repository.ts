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
}

export interface PeopleAdminRepository {
  /** All rows in one transaction, by e-mail; an erased person who is imported again comes back. */
  importPeople(rows: PersonImport[]): Promise<ImportCounts>;
  personIdByChannel(platform: 'SLACK' | 'TEAMS', userId: string): Promise<string | null>;
  /** Only a person who is not erased. */
  personIdByEmail(email: string): Promise<string | null>;
  roles(personId: string): Promise<Role[]>;
  setRoles(personId: string, roles: Role[]): Promise<void>;
}
