import type { OutboxDraft } from '../outbox.js';
import type { Rhythm } from './rhythm.js';

/** A person who may get prompts now: not paused, not erased, not opted out, reachable on some platform. */
export interface PromptRecipient {
  personId: string;
  rhythm: Rhythm;
  /** The person's own timezone, when known; otherwise the bot's. */
  timezone: string | null;
  /** When the person became known: a slot from before that is not theirs (no question minutes after a first hello). */
  since: Date;
}

/** People who share a rhythm and a timezone (null: the bot's), and so share their prompt moments. */
export interface RhythmGroup {
  rhythm: Rhythm;
  timezone: string | null;
}

export interface AttendedWorkshop {
  signupId: string;
  workshopId: string;
  endsAt: Date;
  recipient: PromptRecipient;
}

export interface DueEnrolment {
  enrolmentId: string;
  startedAt: Date;
  lastStep: number;
  steps: { position: number; offsetDays: number }[];
  /** Null while the person is paused or opted out: their steps wait instead of being sent. */
  recipient: PromptRecipient | null;
}

/** What the prompt planner reads and writes; the outbox rows it writes are composed later by the reflection feature. */
export interface PromptScheduleRepository {
  /** The distinct rhythms (with their timezone) of the people who accept prompts: a handful, however many people. */
  rhythms(): Promise<RhythmGroup[]>;
  /** The people who accept prompts on one of those rhythms, a page at a time: a region can have tens of thousands. */
  recipients(group: RhythmGroup): AsyncIterable<PromptRecipient[]>;
  /** Attended sign-ups of workshops that ended between `from` and `to`, for people who accept prompts. */
  attendedWorkshops(from: Date, to: Date): Promise<AttendedWorkshop[]>;
  /** Enrolments that still have steps to deliver. */
  openEnrolments(): Promise<DueEnrolment[]>;
  /** Which of these outbox idempotency keys exist already (in any status): a planned message is planned once. */
  existingKeys(keys: string[]): Promise<Set<string>>;
  enqueue(drafts: OutboxDraft[]): Promise<void>;
  /** Marks steps up to `position` as delivered (and the enrolment complete after the last one), with its outbox row, in one transaction. */
  advanceEnrolment(enrolmentId: string, position: number, completed: boolean, draft: OutboxDraft | null, now: Date): Promise<void>;
  rhythmOf(personId: string): Promise<Rhythm & { timezone: string | null }>;
  setRhythm(personId: string, rhythm: Rhythm): Promise<void>;
}
