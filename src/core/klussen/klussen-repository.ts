import type { InterestStatus, Klus, KlusForPerson } from './klus.js';

export interface KlussenRepository {
  get(id: string): Promise<Klus | null>;
  /** Open klussen this person may join (own organisation, or open to the region), with their own interest. */
  listOpenFor(personId: string, organizationId: string | null, now: Date): Promise<KlusForPerson[]>;
  /** Skills of the person that klus owners confirmed. */
  confirmedSkills(personId: string): Promise<string[]>;
  setInterest(klusId: string, personId: string, status: InterestStatus, motivation?: string): Promise<InterestStatus | null>;
  myKlussen(personId: string): Promise<KlusForPerson[]>;
}
