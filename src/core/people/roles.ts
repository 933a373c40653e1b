import type { PeopleAdminRepository } from './people-admin-repository.js';
import type { Role } from './person.js';

export class UnknownPersonError extends Error {}

/** A person by e-mail, or by chat identity as `slack:U123` / `teams:<aadObjectId>`. */
export async function findPersonId(people: PeopleAdminRepository, who: string): Promise<string> {
  const m = /^(slack|teams):(.+)$/i.exec(who.trim());
  if (m) {
    const id = await people.personIdByChannel(m[1]!.toUpperCase() as 'SLACK' | 'TEAMS', m[2]!);
    if (id) return id;
  } else {
    const id = await people.personIdByEmail(who.trim().toLowerCase());
    if (id) return id;
  }
  throw new UnknownPersonError(`No person ${who} (use an e-mail address or slack:<userId> / teams:<aadObjectId>)`);
}

export async function changeRole(people: PeopleAdminRepository, who: string, role: Role, grant: boolean): Promise<Role[]> {
  const id = await findPersonId(people, who);
  const current = await people.roles(id);
  const roles = grant ? [...new Set([...current, role])] : current.filter((r) => r !== role || r === 'EMPLOYEE');
  if (roles.length !== current.length) await people.setRoles(id, roles);
  return roles;
}
