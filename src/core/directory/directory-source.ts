/**
 * A user as Microsoft Entra ID describes them (through Microsoft Graph), in our words. A delta run sends only what
 * changed: a field left undefined is unchanged (on a full read every field is there, null when empty).
 */
export interface DirectoryUser {
  /** Entra ID object id; the Teams aadObjectId of the same person. */
  id: string;
  /** `mail`, else `userPrincipalName`; lower case; null when neither is an address. */
  email: string | null | undefined;
  name: string | undefined;
  department: string | null | undefined;
  jobTitle: string | null | undefined;
  employeeNumber: string | null | undefined;
  /** `companyName`: the organisation of the region (created when unknown); null = keep what is stored. */
  organization: string | null | undefined;
  enabled: boolean | undefined;
  /** The value of DIRECTORY_EDUCATION_ATTRIBUTE; undefined when no attribute is set (levels come from imports). */
  education?: string | null;
  /** The team leader's object id; null = none; undefined = not told (a delta that did not change it). */
  managerId?: string | null;
  /**
   * False when the directory says the user has no Teams (no enabled Teams service plan): a person without a chat
   * account, reached through their team leader; no Teams identity is made for them. Undefined = not told.
   */
  chat?: boolean;
}

/** Gone from the directory since the last run (deleted, or out of the app's scope). */
export interface RemovedUser {
  id: string;
  removed: true;
}

export interface DirectoryGroupData {
  id: string;
  name: string;
  /** Object ids of the group's user members. */
  memberIds: string[];
}

export interface UsersPage {
  users: (DirectoryUser | RemovedUser)[];
  /** Where the next run starts; stored only once the run completed. */
  deltaLink: string;
  /** True when this was a full read (no delta link): whoever is missing has left the directory. */
  full: boolean;
}

/** Microsoft Graph, as the sync needs it; the adapter (src/directory) pages, retries and honours 429 Retry-After. */
export interface DirectorySource {
  /** Users changed since `deltaLink`, or every user when it is null. */
  users(deltaLink: string | null): Promise<UsersPage>;
  groups(): Promise<DirectoryGroupData[]>;
}

/** Slack `users.list`, as the sync needs it. */
export interface SlackMember {
  id: string;
  teamId: string;
  email: string | null;
  name: string;
  deleted: boolean;
  isBot: boolean;
  locale: string | null;
}

export interface SlackDirectory {
  members(): Promise<SlackMember[]>;
}

/** The sync could not read the source completely: nothing was changed, and it can simply run again. */
export class DirectoryUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DirectoryUnavailableError';
  }
}
