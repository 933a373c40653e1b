import type { Role } from './person.js';
import type { Prisma } from '../../db/database.js';

export class UnknownPersonError extends Error {}

/** A person by e-mail, or by chat identity as `slack:U123` / `teams:<aadObjectId>`. */
export async function findPersonId(db: Prisma, who: string): Promise<string> {
  const m = /^(slack|teams):(.+)$/i.exec(who.trim());
  if (m) {
    const identity = await db.channelIdentity.findFirst({ where: { platform: m[1]!.toUpperCase() as 'SLACK' | 'TEAMS', userId: m[2]! } });
    if (identity) return identity.personId;
  } else {
    const p = await db.person.findUnique({ where: { email: who.trim().toLowerCase() } });
    if (p && !p.erasedAt) return p.id;
  }
  throw new UnknownPersonError(`No person ${who} (use an e-mail address or slack:<userId> / teams:<aadObjectId>)`);
}

export async function changeRole(db: Prisma, who: string, role: Role, grant: boolean): Promise<Role[]> {
  const id = await findPersonId(db, who);
  const person = await db.person.findUniqueOrThrow({ where: { id } });
  const roles = grant ? [...new Set([...person.roles, role])] : person.roles.filter((r) => r !== role || r === 'EMPLOYEE');
  if (roles.length !== person.roles.length) await db.person.update({ where: { id }, data: { roles } });
  return roles as Role[];
}
