import { DomainError } from '../errors.js';
import { hasRole, type Person } from '../people/person.js';
import type { InterestStatus, Klus, KlusInterest, ReleaseStatus } from './klus.js';

/**
 * Who may do what in the Klussenbank. Pure functions over the stored state, called by the use cases and inside
 * the repositories' transactions, so a decision is made on the rows as they are at that moment.
 */

/** Managers post klussen; HR may too (HR often posts on behalf of a team). */
export const mayPost = (p: Person) => hasRole(p, 'MANAGER') || hasRole(p, 'HR');

/** The owner and HR see candidates and choose; HR works for the whole region. */
export const mayManage = (p: Person, k: Pick<Klus, 'ownerId'>) => k.ownerId === p.id || hasRole(p, 'HR');

/** Open klussen of the person's own organisation, or open to the whole region. */
export const mayJoinOrg = (p: Person, k: Pick<Klus, 'openToRegion' | 'organizationId'>) =>
  k.openToRegion || (k.organizationId !== null && k.organizationId === p.organizationId);

export const isOpen = (k: Pick<Klus, 'status' | 'deadline'>, now: Date) =>
  k.status === 'OPEN' && (k.deadline === null || k.deadline >= now);

/** Raising a hand: throws when it is not allowed, in the order a person would want to hear it. */
export function checkJoin(p: Person, k: Klus, now: Date) {
  if (!mayJoinOrg(p, k)) throw new DomainError('forbidden');
  if (k.ownerId === p.id) throw new DomainError('klus_own');
  if (!isOpen(k, now)) throw new DomainError('klus_closed');
}

/**
 * Whether the candidate's manager must release the hours. A klus happens beside the normal job, so a person
 * with a manager needs their consent; when the manager posted the klus, posting it was the consent. A release
 * given earlier for this klus still stands when the person raises their hand again.
 */
export function releaseFor(
  candidate: Pick<Person, 'managerId'>,
  k: Pick<Klus, 'ownerId'>,
  before: Pick<KlusInterest, 'releaseStatus' | 'releaserId'> | null,
): { releaseStatus: ReleaseStatus; releaserId: string | null } {
  const manager = candidate.managerId;
  if (!manager) return { releaseStatus: 'NOT_NEEDED', releaserId: null };
  if (manager === k.ownerId) return { releaseStatus: 'APPROVED', releaserId: manager };
  if (before?.releaseStatus === 'APPROVED' && before.releaserId === manager) return { releaseStatus: 'APPROVED', releaserId: manager };
  return { releaseStatus: 'PENDING', releaserId: manager };
}

/** The owner (or HR) chooses: accepting needs the hours released; a withdrawn hand cannot be chosen. */
export function checkDecision(i: KlusInterest, k: Klus, to: 'ACCEPTED' | 'DECLINED', name: string) {
  if (k.status !== 'OPEN' && k.status !== 'EXPIRED') throw new DomainError('klus_closed');
  if (i.status === 'WITHDRAWN') throw new DomainError('candidate_withdrawn', { name });
  if (to === 'ACCEPTED' && i.releaseStatus === 'PENDING') throw new DomainError('release_pending', { name });
  if (to === 'ACCEPTED' && i.releaseStatus === 'DECLINED') throw new DomainError('release_declined', { name });
}

/** Only the manager who was asked answers a release request, once, while the hand is still raised. */
export function checkRelease(p: Person, i: KlusInterest, name: string): 'decide' | 'already' {
  if (i.releaserId !== p.id) throw new DomainError('forbidden');
  const active: InterestStatus[] = ['INTERESTED', 'ACCEPTED'];
  if (!active.includes(i.status)) throw new DomainError('candidate_withdrawn', { name });
  return i.releaseStatus === 'PENDING' ? 'decide' : 'already';
}

/** Marking filled or closed: from open or expired; closing also ends a draft. */
export function checkFinish(k: Klus, to: 'FILLED' | 'CLOSED'): 'finish' | 'already' {
  if (k.status === to) return 'already';
  if (k.status === 'OPEN' || k.status === 'EXPIRED' || (to === 'CLOSED' && k.status === 'DRAFT')) return 'finish';
  throw new DomainError('klus_closed');
}
