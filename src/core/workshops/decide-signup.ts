import { DomainError } from '../errors.js';
import type { SignupStatus } from './workshop.js';

export interface SignupState {
  now: Date;
  startsAt: Date;
  capacity: number;
  confirmedCount: number;
  signupDeadline: Date | null;
  cancelled: boolean;
  /** The person's current sign-up for this workshop, if any. */
  existing: SignupStatus | null;
  /** Title of another workshop the person is confirmed for at an overlapping time. */
  overlapsWith: string | null;
  /** May this person's organisation join? */
  allowed: boolean;
}

export type SignupDecision = 'confirm' | 'waitlist' | 'already_confirmed' | 'already_waitlisted';

/** Decides a sign-up; the caller holds the workshop row lock, so the counts are exact. */
export function decideSignup(s: SignupState): SignupDecision {
  if (s.existing === 'CONFIRMED') return 'already_confirmed';
  if (s.existing === 'WAITLISTED') return 'already_waitlisted';
  if (!s.allowed) throw new DomainError('forbidden');
  if (s.cancelled) throw new DomainError('workshop_cancelled');
  if (s.startsAt.getTime() <= s.now.getTime()) throw new DomainError('workshop_past');
  if (s.signupDeadline && s.signupDeadline.getTime() < s.now.getTime()) throw new DomainError('workshop_closed');
  if (s.overlapsWith) throw new DomainError('workshop_overlap', { title: s.overlapsWith });
  return s.confirmedCount < s.capacity ? 'confirm' : 'waitlist';
}

/** Two time ranges overlap when each starts before the other ends. */
export const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) =>
  a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
