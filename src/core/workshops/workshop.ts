export type SignupStatus = 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED';

export interface Workshop {
  id: string;
  key: string;
  title: string;
  description: string;
  trainer: string | null;
  location: string | null;
  onlineUrl: string | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  confirmedCount: number;
  tags: string[];
  signupDeadline: Date | null;
  cancelled: boolean;
  icsToken: string;
  /** Rises with every change, for calendar updates (RFC 5545 SEQUENCE). */
  icsSequence: number;
  updatedAt: Date;
  /** Organisation ids that may join; empty = the whole region. */
  openTo: string[];
}

/** A workshop as one person sees it in a list. */
export interface WorkshopForPerson extends Workshop {
  myStatus: SignupStatus | null;
  /** 1-based position on the waitlist when myStatus is WAITLISTED. */
  myPosition: number | null;
  waitlistLength: number;
}

export interface WorkshopQuery {
  personId: string;
  organizationId: string | null;
  /** Words that must each occur in title, description or tags (case-insensitive). */
  words: string[];
  from: Date;
  /** Only workshops starting before this moment (a day filter). */
  until?: Date;
  limit: number;
  offset: number;
}

export interface SignupOutcome {
  status: 'CONFIRMED' | 'WAITLISTED';
  /** Waitlist position (1-based) when WAITLISTED. */
  position: number | null;
  /** True when the person was already signed up (or waiting): nothing changed. */
  unchanged: boolean;
  /** The workshop as the decision left it (seats taken included). */
  workshop: Workshop;
  /** How many people wait for this workshop now. */
  waitlistLength: number;
}

export interface CancelOutcome {
  workshop: Workshop;
  /** The person promoted from the waitlist into the freed seat, if any. */
  promotedPersonId: string | null;
}

export interface MySignup {
  workshop: Workshop;
  status: 'CONFIRMED' | 'WAITLISTED';
  position: number | null;
  /** The team leader who signed the person up for them, or null (they did it themselves). */
  signedUpBy?: string | null;
}
