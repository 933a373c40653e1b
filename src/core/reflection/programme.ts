type Bilingual = { nl: string; en: string };

export interface ProgrammeStep {
  id: string;
  position: number;
  phase: Bilingual;
  title: Bilingual;
  promptId: string | null;
  /** Days after enrolment when the step is due. */
  offsetDays: number;
}

export interface Programme {
  id: string;
  key: string;
  name: Bilingual;
  description: Bilingual;
  steps: ProgrammeStep[];
}

/** HR's overview of a programme: counts only, never whose answers. */
export interface ProgrammeSummary extends Programme {
  participants: number;
  /** Answered and skipped programme questions over all participants. */
  answered: number;
  skipped: number;
}

export interface Enrolment {
  id: string;
  personId: string;
  programme: Programme;
  startedAt: Date;
  /** Position of the last step delivered; 0 = none yet. */
  lastStep: number;
  completedAt: Date | null;
}

export interface Audience {
  emails: string[];
  organizationId: string | null;
  department: string | null;
}

export interface ProgrammeRepository {
  list(): Promise<ProgrammeSummary[]>;
  get(programmeId: string): Promise<Programme | null>;
  enrolmentsOf(personId: string): Promise<Enrolment[]>;
  enrolment(enrolmentId: string): Promise<Enrolment | null>;
  organisations(): Promise<{ id: string; name: string }[]>;
  /** People (not erased) named by e-mail, or in an organisation (and department); plus e-mails nobody has. */
  findPeople(audience: Audience): Promise<{ personIds: string[]; unknownEmails: string[] }>;
  /** Enrols in one transaction and writes the audit line; people already enrolled stay as they are. */
  enrol(programmeId: string, personIds: string[], byPersonId: string, now: Date): Promise<{ enrolled: number; already: number }>;
}
