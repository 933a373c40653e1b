import { parseEducationLevel } from '../people/education.js';
import type { DirectoryGroupData, DirectoryUser, RemovedUser } from './directory-source.js';
import type { PersonFields, Refusal, StoredPerson, SyncPlan } from './directory-store.js';

export const emptyPlan = (source: SyncPlan['source']): SyncPlan => ({
  source,
  creates: [],
  updates: [],
  managers: [],
  deactivate: [],
  reactivate: [],
  identities: [],
  unreachable: [],
  groups: { upsert: [], remove: [] },
  deltaLink: null,
  refused: [],
});

/** The fields that differ between what is stored and what the directory says. */
export function changedFields(p: StoredPerson | null, want: PersonFields): PersonFields {
  const out: PersonFields = {};
  for (const [k, v] of Object.entries(want) as [keyof PersonFields, string | null | undefined][]) {
    if (v === undefined) continue;
    const have = p ? (p[k] ?? null) : undefined;
    // An organisation is one row per name whatever its case: "GEMEENTE X" is the stored "Gemeente X".
    const same = k === 'organization' ? have?.toLowerCase() === v?.toLowerCase() : have === v;
    if (!same) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

interface Input {
  stored: StoredPerson[];
  users: (DirectoryUser | RemovedUser)[];
  full: boolean;
  groups: DirectoryGroupData[];
  storedGroups: { externalId: string; name: string; members: string[] }[];
  deltaLink: string;
}

/**
 * What a directory run changes, decided from what is stored and what Entra ID says, without writing anything: the
 * dry run prints it, the real run applies it in one transaction. People are matched by object id, else by e-mail
 * (mail or UPN); a disabled account, or one gone from the directory, deactivates; an enabled one reactivates a
 * person the directory had deactivated.
 */
export function planDirectory(input: Input): SyncPlan {
  const plan = emptyPlan('directory');
  plan.deltaLink = input.deltaLink;
  const byDirectory = new Map(input.stored.filter((p) => p.directoryId).map((p) => [p.directoryId!, p]));
  const byEmail = new Map(input.stored.filter((p) => p.email).map((p) => [p.email!, p]));
  /** Object id → person id or new key, for team leaders and groups. */
  const ref = new Map<string, string>([...byDirectory].map(([d, p]) => [d, p.id]));
  const seen = new Set<string>();
  const emails = new Set<string>();
  const refuse = (r: Refusal) => plan.refused.push(r);
  const managerOf = new Map<string, string | null>();
  const storedManager = new Map(input.stored.map((p) => [p.id, p.managerId]));

  for (const u of input.users) {
    seen.add(u.id);
    if ('removed' in u) {
      const p = byDirectory.get(u.id);
      if (p && p.deactivatedBy === null) plan.deactivate.push(p.id);
      continue;
    }
    let person = byDirectory.get(u.id) ?? null;
    const email = u.email === undefined ? person?.email : u.email;
    const record = email ?? u.id;
    if (!email) {
      refuse({ record, reason: 'no e-mail address (mail or userPrincipalName)' });
      continue;
    }
    if (emails.has(email) || (person && person.email !== email && byEmail.has(email))) {
      refuse({ record, reason: 'a second account with the same e-mail address' });
      continue;
    }
    emails.add(email);
    if (!person) {
      const other = byEmail.get(email) ?? null;
      if (other?.directoryId && other.directoryId !== u.id) {
        refuse({ record, reason: `this e-mail address belongs to another Entra ID account (${other.directoryId})` });
        continue;
      }
      person = other;
    }
    const want: PersonFields = {
      name: u.name,
      email,
      department: u.department,
      jobTitle: u.jobTitle,
      employeeNumber: u.employeeNumber,
      directoryId: u.id,
      ...(u.organization ? { organization: u.organization } : {}),
    };
    const enabled = u.enabled ?? (person ? person.deactivatedBy !== 'directory' : true);
    if (u.education !== undefined) {
      const level = parseEducationLevel(u.education);
      if (level === null) refuse({ record, reason: `education level "${u.education}" is not known (the stored level was kept)` });
      else want.educationLevel = level || null;
    }
    if (!person) {
      // A disabled account nobody knows is nobody to message: not created.
      if (!enabled) continue;
      const key = `new:${u.id}`;
      plan.creates.push({ ...want, name: u.name ?? email, email, key });
      ref.set(u.id, key);
      if (u.chat !== false) plan.identities.push({ person: key, platform: 'TEAMS', userId: u.id });
    } else {
      ref.set(u.id, person.id);
      const fields = changedFields(person, want);
      if (Object.keys(fields).length) plan.updates.push({ personId: person.id, fields });
      if (!person.teamsIds.includes(u.id) && u.chat !== false) plan.identities.push({ person: person.id, platform: 'TEAMS', userId: u.id });
      if (!enabled && person.deactivatedBy === null) plan.deactivate.push(person.id);
      if (enabled && person.deactivatedBy === 'directory') plan.reactivate.push(person.id);
    }
    if (u.managerId !== undefined) managerOf.set(u.id, u.managerId);
  }
  if (input.full) {
    for (const p of input.stored) {
      if (p.directoryId && !seen.has(p.directoryId) && p.deactivatedBy === null) plan.deactivate.push(p.id);
    }
  }
  planManagers(plan, managerOf, ref, storedManager, input.users);
  planGroups(plan, input.groups, input.storedGroups, ref);
  return plan;
}

/** Team leaders that changed; a leader outside the directory's reach is left unset, a circle is refused. */
function planManagers(
  plan: SyncPlan,
  managerOf: Map<string, string | null>,
  ref: Map<string, string>,
  storedManager: Map<string, string | null>,
  users: (DirectoryUser | RemovedUser)[],
) {
  const wanted = new Map<string, string | null>(storedManager);
  const changes = new Map<string, string | null>();
  for (const [userId, managerObject] of managerOf) {
    const person = ref.get(userId);
    if (!person) continue;
    const manager = managerObject ? (ref.get(managerObject) ?? null) : null;
    if ((storedManager.get(person) ?? null) === manager) continue;
    changes.set(person, manager);
    wanted.set(person, manager);
  }
  const label = new Map(users.flatMap((u) => ('removed' in u || !ref.has(u.id) ? [] : [[ref.get(u.id)!, u.email ?? u.id] as const])));
  for (const [person, manager] of changes) {
    // Entra ID does not forbid circles of managers; one here would make the digest and the release go round.
    const visited = new Set<string>([person]);
    let circle = false;
    for (let at = manager; at !== null; at = wanted.get(at) ?? null) {
      if (visited.has(at)) {
        circle = at === person;
        break;
      }
      visited.add(at);
    }
    if (circle) {
      plan.refused.push({ record: label.get(person) ?? person, reason: 'team leaders go round in a circle (the team leader was not changed)' });
      wanted.set(person, storedManager.get(person) ?? null);
      continue;
    }
    plan.managers.push({ person, manager });
  }
}

function planGroups(
  plan: SyncPlan,
  groups: DirectoryGroupData[],
  stored: { externalId: string; name: string; members: string[] }[],
  ref: Map<string, string>,
) {
  const before = new Map(stored.map((g) => [g.externalId, g]));
  for (const g of groups) {
    const members = [...new Set(g.memberIds.map((m) => ref.get(m)).filter((m): m is string => m !== undefined))].sort();
    const old = before.get(g.id);
    const same = old && old.name === g.name && old.members.length === members.length && [...old.members].sort().every((m, i) => m === members[i]);
    if (!same) plan.groups.upsert.push({ externalId: g.id, name: g.name, members });
  }
  const now = new Set(groups.map((g) => g.id));
  plan.groups.remove = stored.filter((g) => !now.has(g.externalId)).map((g) => g.externalId);
}

/** created, changed (fields, team leader or return), deactivated, refused: each person counted once. */
export function countPlan(plan: SyncPlan) {
  const changed = new Set([...plan.updates.map((u) => u.personId), ...plan.managers.map((m) => m.person), ...plan.reactivate]);
  for (const i of plan.identities) changed.add(i.person);
  for (const c of plan.creates) changed.delete(c.key);
  for (const d of plan.deactivate) changed.delete(d);
  return { created: plan.creates.length, changed: changed.size, deactivated: new Set(plan.deactivate).size, refused: plan.refused.length };
}
