import type { PeopleRepository } from '../people/people-repository.js';
import type { Clock } from '../ports.js';
import { decideSignup } from '../workshops/decide-signup.js';
import { reminderDrafts } from '../workshops/reminders.js';
import type { WorkshopsRepository } from '../workshops/workshops-repository.js';

export interface ProxySignUpCommand {
  teamLeaderId: string;
  personId: string;
  workshopId: string;
}

export interface ProxySignUpOutcome {
  status: 'CONFIRMED' | 'WAITLISTED';
  position: number | null;
  unchanged: boolean;
}

/**
 * A team leader signs up a member of their team. The port a confirmed seat request uses: `src/app.ts` hands in
 * the workshops feature's proxy sign-up when it exists, or `signUpThroughWorkshops` below until then.
 */
export type ProxySignUp = (cmd: ProxySignUpCommand) => Promise<ProxySignUpOutcome>;

/** The plain workshop sign-up for the person (same transaction, seats and waitlist as a click of their own). */
export function signUpThroughWorkshops(workshops: WorkshopsRepository, people: PeopleRepository, clock: Clock): ProxySignUp {
  return async ({ personId, workshopId }) => {
    const person = await people.findById(personId);
    if (!person) throw new Error(`no person ${personId}`);
    const now = clock.now();
    const o = await workshops.signUp({
      workshopId,
      personId,
      organizationId: person.organizationId,
      now,
      decide: decideSignup,
      onConfirmed: (w) => reminderDrafts(w, personId, `${w.id}:${personId}`, now),
    });
    return { status: o.status, position: o.position, unchanged: o.unchanged };
  };
}
