export interface PersonalDataExport {
  person: Record<string, unknown>;
  identities: Record<string, unknown>[];
  skills: Record<string, unknown>[];
  signups: Record<string, unknown>[];
  klusInterests: Record<string, unknown>[];
  klussenOwned: Record<string, unknown>[];
  reflections: Record<string, unknown>[];
  goals: Record<string, unknown>[];
  promptDeliveries: Record<string, unknown>[];
  events: Record<string, unknown>[];
  programmes: Record<string, unknown>[];
  /** Requests for a seat from the public page: made for this person, or asked of them as team leader. */
  seatRequests: Record<string, unknown>[];
  /** Team leaders: the sign-ups they made for team members (workshop and moment; the members' names stay theirs). */
  signupsForOthers: Record<string, unknown>[];
}

/**
 * Who asked, for the audit log: the person themselves in chat (the default), or HR on their request through the
 * CLI (`actor: 'cli'`). `via` says which way it came in.
 */
export interface PrivacyRequester {
  actor: string;
  actorId?: string | null;
  via: 'chat' | 'cli' | 'retention';
}

export interface PrivacyRepository {
  counts(personId: string): Promise<{ signups: number; reflections: number; klussen: number }>;
  export(personId: string): Promise<PersonalDataExport>;
  /** Writes the export into the audit log (who, when; not what). */
  recordExport(personId: string, now: Date, by?: PrivacyRequester): Promise<void>;
  /** Deletes personal content and anonymises history (sign-up counts stay right). */
  erase(personId: string, now: Date, by?: PrivacyRequester): Promise<void>;
}
