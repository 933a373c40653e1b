/** A person as the sync compares them: the fields a directory may set, and who they are linked to. */
export interface StoredPerson {
  id: string;
  email: string | null;
  name: string;
  directoryId: string | null;
  department: string | null;
  jobTitle: string | null;
  employeeNumber: string | null;
  organization: string | null;
  educationLevel: string | null;
  managerId: string | null;
  deactivatedBy: string | null;
  /** Chat user ids of the person's Slack and Teams identities. */
  slackIds: string[];
  teamsIds: string[];
}

/** Fields of a person the directory sets; only those that differ are written. */
export interface PersonFields {
  name?: string;
  email?: string;
  department?: string | null;
  jobTitle?: string | null;
  employeeNumber?: string | null;
  organization?: string | null;
  educationLevel?: string | null;
  directoryId?: string;
}

export interface NewPerson extends PersonFields {
  name: string;
  email: string;
  /** A key to refer to the new person before it has an id (the directory object id, or the Slack user id). */
  key: string;
  locale?: string | null;
}

export interface Refusal {
  /** The record as HR would recognise it: e-mail, or the object id when it has none. */
  record: string;
  reason: string;
}

/** Everything one run writes; applied in one transaction, or not at all. */
export interface SyncPlan {
  source: 'directory' | 'slack';
  creates: NewPerson[];
  updates: { personId: string; fields: PersonFields }[];
  /** Team leaders by person id or new person's key; null = none. */
  managers: { person: string; manager: string | null }[];
  deactivate: string[];
  reactivate: string[];
  /** Chat identities to link (person id or new key); imported ones wait for the first contact to learn the tenant. */
  identities: { person: string; platform: 'SLACK' | 'TEAMS'; userId: string }[];
  /** Slack accounts that were deactivated or deleted: no longer reachable there. */
  unreachable: { platform: 'SLACK'; userId: string; reason: string }[];
  /** Entra groups that are new or changed (members by person id or new key), and those gone from Entra. */
  groups: { upsert: { externalId: string; name: string; members: string[] }[]; remove: string[] };
  deltaLink: string | null;
  refused: Refusal[];
}

export interface SyncCounts {
  created: number;
  changed: number;
  deactivated: number;
  refused: number;
}

export interface DirectoryStore {
  /** Every person not erased. */
  people(): Promise<StoredPerson[]>;
  deltaLink(source: string): Promise<string | null>;
  /** Groups as stored: external id, name, member person ids. */
  groups(): Promise<{ externalId: string; name: string; members: string[] }[]>;
  /** One transaction: people, team leaders, leavers (their pending messages cancelled), identities, groups, the delta link and the audit line. */
  apply(plan: SyncPlan, counts: SyncCounts, now: Date): Promise<void>;
}
