import type { OutboxDraft } from '../outbox.js';
import type { CancelOutcome, SignupStatus, MySignup, SignupOutcome, Workshop, WorkshopForPerson, WorkshopQuery } from './workshop.js';
import type { SignupDecision, SignupState } from './decide-signup.js';

export interface SignupCommand {
  workshopId: string;
  personId: string;
  organizationId: string | null;
  now: Date;
  /** A team leader signing the person up for them (recorded as "aangemeld door"); absent = the person themselves. */
  signedUpById?: string | null;
  decide: (state: SignupState) => SignupDecision;
  /** Outbox messages to write in the same transaction when the person gets a seat. */
  onConfirmed: (w: Workshop) => OutboxDraft[];
}

export interface CancelCommand {
  workshopId: string;
  personId: string;
  now: Date;
  /** Outbox messages for the person promoted from the waitlist, written in the same transaction. */
  onPromoted: (w: Workshop, personId: string) => OutboxDraft[];
}

export interface WorkshopsRepository {
  get(id: string): Promise<Workshop | null>;
  getByKey(key: string): Promise<Workshop | null>;
  getByIcsToken(token: string): Promise<Workshop | null>;
  /** Upcoming workshops open to the person, soonest first, with their own status. */
  listForPerson(q: WorkshopQuery): Promise<{ items: WorkshopForPerson[]; total: number }>;
  /** One transaction: lock the workshop, decide with `decide`, write the sign-up and outbox rows. */
  signUp(cmd: SignupCommand): Promise<SignupOutcome>;
  /** One transaction: cancel, and promote the first on the waitlist into the freed seat. */
  cancel(cmd: CancelCommand): Promise<CancelOutcome>;
  mySignups(personId: string, from: Date): Promise<MySignup[]>;
  signupStatus(workshopId: string, personId: string): Promise<SignupStatus | null>;
}
