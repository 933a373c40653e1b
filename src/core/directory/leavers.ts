import type { Clock } from '../ports.js';
import type { PeopleRepository } from '../people/people-repository.js';
import type { LeaveReason } from '../people/leaving.js';
import { toLocale, type Actor } from '../people/person.js';

/** What a leaver still holds that others may need: seats in workshops to come, hands raised for klussen. */
export interface LeaverHoldings {
  personId: string;
  workshopIds: string[];
  klusIds: string[];
}

export interface LeaverRepository {
  /**
   * Deactivated people (not erased) who still hold a seat or waitlist place after `now`, an active klus hand, or
   * a message still waiting for them.
   */
  holdings(now: Date): Promise<LeaverHoldings[]>;
}

export interface LeaverPorts {
  leavers: LeaverRepository;
  people: Pick<PeopleRepository, 'findById'>;
  /** Gives a seat back as the person's own cancellation would: the waitlist moves up and is told (as erasure does). */
  cancelSignup(actor: Actor, workshopId: string): Promise<unknown>;
  /** Withdraws a hand as the person's own "Toch niet" would: an owner who had chosen them is told. */
  withdrawHand(actor: Actor, klusId: string): Promise<unknown>;
  /** The outbox part of leaving, the same use case as erasure's: rows addressed to them or naming them are cancelled. */
  withdrawFromOutbox(personId: string, why: LeaveReason): Promise<number>;
  clock: Clock;
}

/**
 * After people left (directory sync, Slack sync or `active=nee`): their future seats go to the waitlist and their
 * klus hands are withdrawn; sign-ups already past and figures stay. Works from what is stored, not from a list of
 * who just left, so a run that stopped half-way is finished by the next one.
 */
export async function releaseLeavers(ports: LeaverPorts): Promise<{ seats: number; hands: number }> {
  const now = ports.clock.now();
  let seats = 0;
  let hands = 0;
  for (const h of await ports.leavers.holdings(now)) {
    const person = await ports.people.findById(h.personId);
    if (!person) continue;
    const actor: Actor = { person, platform: 'CONSOLE', locale: toLocale(person.locale, 'nl') };
    // First, while their klus hands still point at them: what waits for them or about them is withdrawn. What the
    // releases below queue (the waitlist moves up, an owner hears the hand was withdrawn) is new and goes out.
    await ports.withdrawFromOutbox(person.id, 'left');
    for (const w of h.workshopIds) {
      await ports.cancelSignup(actor, w);
      seats++;
    }
    for (const k of h.klusIds) {
      await ports.withdrawHand(actor, k);
      hands++;
    }
  }
  return { seats, hands };
}
