import type { MentionRef, OutboxKind } from '../outbox.js';

/** A payload field of one outbox kind that names a person other than the recipient. */
export interface KindMention {
  kind: string;
  field: string;
  refersTo: MentionRef;
}

/** Why a person's waiting messages are withdrawn: they erased their data, or they left (deactivated). */
export type LeaveReason = 'erased' | 'left';

/** The outbox as erasure and leaving need it; implemented in src/db/outbox. */
export interface OutboxWithdrawal {
  /**
   * Cancels every waiting row addressed to the person, and every waiting row whose payload names them through one
   * of `mentions`, with `reason`. Returns how many rows were cancelled.
   */
  withdraw(personId: string, mentions: KindMention[], reason: string): Promise<number>;
}

export const mentionsOf = (kinds: readonly OutboxKind<unknown>[]): KindMention[] =>
  kinds.flatMap((k) => Object.entries(k.mentions).map(([field, refersTo]) => ({ kind: k.name, field, refersTo })));

/**
 * The outbox part of erasing or deactivating a person, one use case for both: nothing still waiting reaches them,
 * and nobody is told about them any more ("– wil meedoen aan je klus" about someone who erased their data). Run it
 * before their rows are anonymised: the mentions are found through rows that still point at the person.
 */
export function withdrawFromOutbox(
  outbox: OutboxWithdrawal,
  kinds: readonly OutboxKind<unknown>[],
  personId: string,
  why: LeaveReason,
): Promise<number> {
  return outbox.withdraw(personId, mentionsOf(kinds), why === 'erased' ? 'person erased' : 'person left');
}
