import type { OutboxDraft } from '../outbox.js';
import type {
  Candidate,
  InterestDetails,
  InterestStatus,
  Klus,
  KlusForPerson,
  KlusInput,
  KlusInterest,
  ManagedKlus,
  MyInterest,
  ReleaseStatus,
} from './klus.js';

export interface PublishCommand {
  klusId: string;
  now: Date;
  /** Whoever got a "past bij jou" after this moment gets none now (the nudge cap). */
  capSince: Date;
  matchDraft: (klus: Klus, personId: string) => OutboxDraft;
  /** The announcement for the organisation's klus channel, when it has one. */
  announceDraft: (klus: Klus, channel: string) => Omit<OutboxDraft, 'personId'>;
}

/** What raising a hand changes, decided (or refused by throwing) on the klus and interest as they are now. */
export interface JoinPlan {
  motivation: string;
  releaseStatus: ReleaseStatus;
  releaserId: string | null;
  /** True when the hand was already raised: only the motivation is updated and nobody is told again. */
  unchanged: boolean;
}

export interface JoinCommand {
  klusId: string;
  personId: string;
  now: Date;
  decide: (klus: Klus, before: KlusInterest | null) => JoinPlan;
  drafts: (klus: Klus, after: KlusInterest) => OutboxDraft[];
}

export interface InterestChange {
  status?: InterestStatus;
  releaseStatus?: ReleaseStatus;
  decidedAt?: Date | null;
  drafts?: OutboxDraft[];
}

export interface FinishCommand {
  klusId: string;
  to: 'FILLED' | 'CLOSED';
  now: Date;
  check: (klus: Klus) => 'finish' | 'already';
  /** Messages for the candidates still waiting, who are declined with the klus. */
  drafts: (klus: Klus, declined: KlusInterest[]) => OutboxDraft[];
}

export interface ConfirmSkillsCommand {
  personId: string;
  skills: string[];
  confirmedById: string;
  now: Date;
  drafts: OutboxDraft[];
}

export interface KlussenRepository {
  get(id: string): Promise<Klus | null>;
  /** Open klussen this person may join (own organisation, or open to the region), with their own interest. */
  listOpenFor(personId: string, organizationId: string | null, now: Date): Promise<KlusForPerson[]>;
  /** Skills of the person that klus owners confirmed. */
  confirmedSkills(personId: string): Promise<string[]>;
  /** Klussen the person raised a hand for and still takes part in (interested or accepted). */
  myKlussen(personId: string): Promise<KlusForPerson[]>;

  createDraft(input: KlusInput, ownerId: string, organizationId: string | null): Promise<Klus>;
  /** Changes a draft; null when it is no longer a draft. */
  updateDraft(id: string, input: KlusInput): Promise<Klus | null>;
  deleteDraft(id: string): Promise<boolean>;
  /**
   * One transaction: the draft opens, and everyone whose skills overlap (allowed to join, not paused, not opted
   * out of klussen, not over the cap) gets a "past bij jou" outbox row. Null when it was no longer a draft.
   */
  publish(cmd: PublishCommand): Promise<{ klus: Klus; matched: number } | null>;
  /** One transaction: the klus is read under a lock, the interest written, its outbox rows with it. */
  join(cmd: JoinCommand): Promise<{ klus: Klus; before: KlusInterest | null; after: KlusInterest }>;
  /**
   * One transaction: the interest is locked, `decide` says what changes (null: nothing), the change and its
   * outbox rows are written. Null when there is no such interest.
   */
  transition(
    interestId: string,
    decide: (current: InterestDetails) => InterestChange | null,
  ): Promise<{ before: InterestDetails; after: InterestDetails } | null>;
  /** One transaction: filled or closed, and the candidates still waiting are declined. Null: no such klus. */
  finish(cmd: FinishCommand): Promise<{ klus: Klus; declined: number; already: boolean } | null>;
  /** Open klussen whose deadline has passed become EXPIRED, each with the outbox rows `drafts` gives. */
  expireDue(now: Date, drafts: (klus: Klus) => OutboxDraft[]): Promise<Klus[]>;
  /** Marks skills as confirmed by a klus owner (adding them when the person had not listed them). */
  confirmSkills(cmd: ConfirmSkillsCommand): Promise<void>;

  findInterest(klusId: string, personId: string): Promise<KlusInterest | null>;
  getInterest(id: string): Promise<InterestDetails | null>;
  /** Everyone who raised a hand and did not withdraw, first come first. */
  candidates(klusId: string): Promise<Candidate[]>;
  /** Klussen the person owns; for HR also every open or expired klus. Newest first. */
  managed(personId: string, includeAllOpen: boolean): Promise<ManagedKlus[]>;
  /** Release requests waiting for this manager. */
  pendingReleases(managerId: string): Promise<InterestDetails[]>;
  /** The person's interests that still matter (not withdrawn), newest first. */
  myInterests(personId: string): Promise<MyInterest[]>;
  /** A "past bij jou" still makes sense: the klus is open and the person has not responded or opted out. */
  matchStillWanted(klusId: string, personId: string, now: Date): Promise<boolean>;
}
