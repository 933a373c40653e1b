import { randomUUID } from 'node:crypto';
import { importPeople } from '../../src/core/people/import-people.js';
import { adminPorts } from '../../src/db/admin-store.js';
import type { Database } from '../../src/db/database.js';

export interface Leader {
  platform: 'slack' | 'teams';
  userId: string;
  email: string;
  name: string;
}

const FIRST = ['Anouk', 'Bas', 'Cem', 'Dewi', 'Emre', 'Fleur', 'Gijs', 'Hatice', 'Ivo', 'Joyce'];

/**
 * A depot team as HR imports it (contract: people CSV): the team leader with a chat account, and `size` outdoor
 * workers with empty `platform` and `platform_user_id`, each with the leader as `manager_email`. Semicolons, as
 * Dutch Excel writes them. Made-up names and addresses only.
 */
export async function importDepotTeam(db: Database, leader: Leader, size = 8, tag = randomUUID().slice(0, 6)) {
  const header = 'platform;platform_user_id;email;name;organization;department;education_level;role;locale;skills;manager_email';
  const lines = [header, `${leader.platform};${leader.userId};${leader.email};${leader.name};Gemeente Dijkstad;Buitendienst;mbo-4;manager;nl;leidinggeven;`];
  const members = Array.from({ length: size }, (_, i) => ({
    name: `${FIRST[i % FIRST.length]} Depot-${tag}-${i + 1}`,
    email: `depot-${tag}-${i + 1}@werf.example`,
  }));
  for (const m of members) lines.push(`;;${m.email};${m.name};Gemeente Dijkstad;Buitendienst;mbo-2;employee;nl;groen onderhoud|snoeien;${leader.email}`);
  const report = await importPeople(adminPorts(db.prisma).people, `${lines.join('\r\n')}\r\n`);
  const leaderRow = await db.prisma.person.findUniqueOrThrow({ where: { email: leader.email } });
  const rows = await db.prisma.person.findMany({ where: { managerId: leaderRow.id }, include: { identities: true }, orderBy: { name: 'asc' } });
  return { report, leader: leaderRow, members: rows };
}
