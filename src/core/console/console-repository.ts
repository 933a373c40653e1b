/** A console session as stored (by the hash of its cookie value). */
export interface StoredSession {
  personId: string;
  csrf: string;
  via: string;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** Sign-in links and sessions of the HR console. Only hashes of tokens are ever stored. */
export interface ConsoleAccessRepository {
  /** How many links this person asked for since `since` (the rate limit). */
  countLinksSince(personId: string, since: Date): Promise<number>;
  createLink(tokenHash: string, personId: string, expiresAt: Date): Promise<void>;
  /** Uses the link up (once, atomically): its person, or null when unknown, used or expired. */
  useLink(tokenHash: string, now: Date): Promise<string | null>;
  createSession(tokenHash: string, session: StoredSession): Promise<void>;
  findSession(tokenHash: string): Promise<StoredSession | null>;
  touchSession(tokenHash: string, lastSeenAt: Date): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Forgets expired links and sessions. */
  purge(now: Date): Promise<number>;
  /** The person behind an Entra ID object id (the Teams identity or the directory id), or null. */
  personIdByEntraId(oid: string): Promise<string | null>;
}
