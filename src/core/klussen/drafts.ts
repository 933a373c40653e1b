import type { OutboxDraft } from '../outbox.js';
import type { InterestDetails, Klus, KlusInterest } from './klus.js';
import { klusKinds } from './outbox-kinds.js';

/**
 * The Klussenbank's proactive messages as outbox rows. Payloads carry ids only: the text is composed at delivery
 * (compose.ts) from the rows as they are then, so a message that no longer applies is dropped.
 */

/** At most one "past bij jou" per person in this many days (issue 9 makes nudge caps general). */
export const MATCH_CAP_DAYS = 7;

export const matchCapSince = (now: Date) => new Date(now.getTime() - MATCH_CAP_DAYS * 86_400_000);

// `notBefore: now` dates the row by the bot's clock, which is what the cap counts back from.
export const matchDraft = (klus: Klus, personId: string, now: Date): OutboxDraft =>
  klusKinds.match.draft({ idempotencyKey: `klus-match:${klus.id}:${personId}`, personId, payload: { klusId: klus.id }, notBefore: now });

export const announceDraft = (klus: Klus, channel: string): Omit<OutboxDraft, 'personId'> => ({
  idempotencyKey: `klus-announce:${klus.id}:${channel}`,
  kind: klusKinds.announce.name,
  payload: { klusId: klus.id, channel },
});

/**
 * Messages about a change of an interest are keyed by the row's version, so raising a hand again after withdrawing
 * asks the manager again, while one change never makes two messages.
 */
const stamp = (i: Pick<KlusInterest, 'id' | 'updatedAt'>) => `${i.id}:${i.updatedAt.getTime()}`;

export function joinDrafts(klus: Klus, i: KlusInterest): OutboxDraft[] {
  const drafts: OutboxDraft[] = [];
  if (klus.ownerId) {
    drafts.push(klusKinds.candidate.draft({ idempotencyKey: `klus-candidate:${stamp(i)}`, personId: klus.ownerId, payload: { interestId: i.id } }));
  }
  if (i.releaseStatus === 'PENDING' && i.releaserId) {
    drafts.push(klusKinds.releaseRequest.draft({ idempotencyKey: `klus-release:${stamp(i)}`, personId: i.releaserId, payload: { interestId: i.id } }));
  }
  return drafts;
}

/** The candidate hears the manager's answer; the owner too, since it decides whether they can choose. */
export function releaseDecisionDrafts(d: InterestDetails, approved: boolean): OutboxDraft[] {
  const drafts: OutboxDraft[] = [];
  const payload = { interestId: d.id, approved };
  if (d.personId) {
    drafts.push(klusKinds.releaseDecision.draft({ idempotencyKey: `klus-released:${stamp(d)}:candidate`, personId: d.personId, payload: { ...payload, to: 'candidate' } }));
  }
  if (d.klus.ownerId) {
    drafts.push(klusKinds.releaseDecision.draft({ idempotencyKey: `klus-released:${stamp(d)}:owner`, personId: d.klus.ownerId, payload: { ...payload, to: 'owner' } }));
  }
  return drafts;
}

export type Decision = 'ACCEPTED' | 'DECLINED' | 'FILLED' | 'CLOSED';

export const decisionDraft = (i: KlusInterest, decision: Decision): OutboxDraft[] =>
  i.personId
    ? [klusKinds.decision.draft({ idempotencyKey: `klus-decision:${stamp(i)}:${decision}`, personId: i.personId, payload: { interestId: i.id, decision } })]
    : [];

export const withdrawnDraft = (klus: Klus, i: KlusInterest): OutboxDraft[] =>
  klus.ownerId
    ? [klusKinds.withdrawn.draft({ idempotencyKey: `klus-withdrawn:${stamp(i)}`, personId: klus.ownerId, payload: { interestId: i.id } })]
    : [];

export const expiredDraft = (klus: Klus): OutboxDraft[] =>
  klus.ownerId ? [klusKinds.expired.draft({ idempotencyKey: `klus-expired:${klus.id}`, personId: klus.ownerId, payload: { klusId: klus.id } })] : [];

// The same skills confirmed twice are one message.
export const skillsConfirmedDraft = (klus: Klus, personId: string, skills: string[]): OutboxDraft =>
  klusKinds.skillsConfirmed.draft({
    idempotencyKey: `klus-skills:${klus.id}:${personId}:${[...skills].sort().join('|')}`,
    personId,
    payload: { klusId: klus.id, skills },
  });
