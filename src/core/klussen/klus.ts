export type KlusStatus = 'DRAFT' | 'OPEN' | 'FILLED' | 'CLOSED' | 'EXPIRED';
export type InterestStatus = 'INTERESTED' | 'WITHDRAWN' | 'ACCEPTED' | 'DECLINED';
export type ReleaseStatus = 'NOT_NEEDED' | 'PENDING' | 'APPROVED' | 'DECLINED';

export interface Klus {
  id: string;
  key: string;
  title: string;
  description: string;
  skills: string[];
  hoursPerWeek: number | null;
  startsOn: Date | null;
  endsOn: Date | null;
  location: string | null;
  organizationId: string | null;
  organizationName: string | null;
  openToRegion: boolean;
  deadline: Date | null;
  status: KlusStatus;
  ownerId: string | null;
}

export interface KlusForPerson extends Klus {
  myInterest: InterestStatus | null;
}

/** What a manager fills in when posting; validated by `parseKlusForm`. */
export interface KlusInput {
  title: string;
  description: string;
  /** Normalised (lower case, trimmed), without duplicates. */
  skills: string[];
  hoursPerWeek: number;
  /** Calendar dates at UTC midnight (the columns are dates). */
  startsOn: Date;
  endsOn: Date;
  location: string | null;
  openToRegion: boolean;
  /** The last moment to raise a hand: the end of the chosen day in the bot's timezone. */
  deadline: Date;
}

export interface KlusInterest {
  id: string;
  klusId: string;
  personId: string | null;
  motivation: string;
  status: InterestStatus;
  releaseStatus: ReleaseStatus;
  releaserId: string | null;
  decidedAt: Date | null;
  /** The row's version: every change moves it, so messages about a change can be keyed by it. */
  updatedAt: Date;
}

/** A candidate as the owner and HR see them: who, what fits, why, and where the release stands. */
export interface Candidate extends KlusInterest {
  name: string;
  organizationName: string | null;
  skills: string[];
  confirmedSkills: string[];
}

/** An interest with the klus it belongs to and the names a message about it needs. */
export interface InterestDetails extends KlusInterest {
  klus: Klus;
  candidateName: string;
  ownerName: string | null;
}

/** A klus on its owner's (or HR's) overview. */
export interface ManagedKlus extends Klus {
  candidates: number;
}

/** A klus the person raised a hand for, with where their interest stands. */
export interface MyInterest {
  klus: Klus;
  interest: KlusInterest;
}
