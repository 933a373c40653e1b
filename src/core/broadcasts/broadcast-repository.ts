import type { OutboxDraft } from '../outbox.js';
import type { Platform } from '../ports.js';
import type { Audience, AudienceCount, Broadcast, BroadcastInput, BroadcastStatus, Progress } from './broadcast.js';

/** One line of the audit trail, written in the same transaction as the change it describes. */
export interface AuditNote {
  actorId: string | null;
  action: string;
  details?: Record<string, unknown>;
}

export interface StatusChange {
  from: BroadcastStatus[];
  to: BroadcastStatus;
  approvedById?: string | null;
  audit: AuditNote[];
  /** Outbox messages caused by the change (approval requests, decisions), in the same transaction. */
  drafts?: (b: Broadcast) => OutboxDraft[];
}

export interface StartSending {
  from: BroadcastStatus[];
  /** Set when the start is an approval: the approver. */
  approvedById?: string | null;
  audit: AuditNote[];
  /** The author's progress message and the like, in the same transaction as the recipients' rows. */
  drafts: (b: Broadcast) => OutboxDraft[];
  /**
   * Messages per second per platform bucket: rows of one workspace/tenant are planned that far apart, so the
   * queue holds only what can go now and other features' messages are not stuck behind a big broadcast.
   */
  pace?: Partial<Record<Platform, number>>;
}

export interface BroadcastRepository {
  create(input: BroadcastInput, authorId: string, audit: AuditNote): Promise<Broadcast>;
  /** Changes a draft (or one waiting for approval, which then needs approval again); null when not editable. */
  update(id: string, input: BroadcastInput, audit: AuditNote): Promise<Broadcast | null>;
  get(id: string): Promise<Broadcast | null>;
  recent(limit: number): Promise<Broadcast[]>;
  deleteDraft(id: string): Promise<boolean>;
  organizations(): Promise<{ id: string; key: string; name: string }[]>;
  /** Entra ID groups the directory sync keeps: object id and name. */
  groups(): Promise<{ id: string; name: string }[]>;
  /** People who lead a team (someone has them as team leader), for "the team of …". */
  teamLeaders(): Promise<{ id: string; name: string; email: string | null }[]>;
  /** The departments people are in today (lower case, as audiences match them), to offer as choices. */
  departments(): Promise<string[]>;
  /** Codes (CSV keys) and titles of workshops still to come, soonest first: what the button field can name. */
  upcomingWorkshops(from: Date, limit: number): Promise<{ key: string; title: string }[]>;
  /** The dry run, counted by the same conditions as `startSending` uses to write rows. */
  countAudience(audience: Audience): Promise<AudienceCount>;
  /** Moves the status only when it is one of `from` (two clicks, two replicas: one wins); null otherwise. */
  changeStatus(id: string, change: StatusChange): Promise<Broadcast | null>;
  /**
   * One transaction: status → SENDING, one outbox row per recipient (one statement, however many), the
   * recipient count, the extra drafts and the audit line. Null when the status was not one of `from`.
   */
  startSending(id: string, start: StartSending): Promise<{ broadcast: Broadcast; recipients: number } | null>;
  /**
   * One transaction: status → RECALLED, rows not yet sent cancelled, and a retraction row for every message
   * already delivered. Null when there was nothing to recall.
   */
  recall(id: string, audit: AuditNote): Promise<{ broadcast: Broadcast; cancelled: number; retracted: number } | null>;
  /** Retraction rows for messages that were in flight during the recall and arrived after it. */
  retractLate(id: string): Promise<number>;
  progress(id: string): Promise<Progress>;
  /**
   * SENDING → SENT once no row waits any more, with the drafts (final summary) in the same transaction. Rows for
   * console users do not hold it up longer than a minute (the bot has no console sender: they are delivered when
   * the person next looks), and messages still waiting
   * that were due before `expiredBefore` are cancelled as expired first: a broadcast always ends, also when a
   * platform has no sender.
   */
  finish(id: string, drafts: (b: Broadcast) => OutboxDraft[], expiredBefore?: Date): Promise<boolean>;
  /** Where the author's progress message is, once it was delivered; null before that or when unknown. */
  progressRef(id: string): Promise<unknown>;
  withStatus(status: BroadcastStatus): Promise<Broadcast[]>;
  dueScheduled(now: Date): Promise<string[]>;
  /** Recalled within the last `ms` (database time), while messages in flight may still arrive. */
  recalledWithin(ms: number): Promise<string[]>;
  /** HR people who may approve (everyone with the HR role except the author). */
  approvers(exceptPersonId: string | null): Promise<string[]>;
  recordClick(id: string, personId: string, now: Date): Promise<void>;
}
