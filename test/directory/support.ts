import { FakeGraph } from '../support/fake-graph.js';

/** A tenant like a big municipality: `size` users, a team leader per 12, groups per department, one director. */
export function seedTenant(graph: FakeGraph, size: number) {
  const departments = ['Groen', 'Wegen', 'Burgerzaken', 'ICT', 'Sociaal Domein', 'Financiën', 'HR', 'Zwembad'];
  const levels = ['MBO 3', 'mbo2', 'Mbo niveau 4', 'hbo', 'WO', 'vmbo', 'mbo-1', ''];
  const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  graph.upsertUser({ id: id(0), displayName: 'Directeur', userPrincipalName: 'directeur@gemeente.example', mail: 'directeur@gemeente.example', department: 'Directie', companyName: 'Gemeente Groot' });
  const members = new Map<string, string[]>();
  for (let i = 1; i < size; i++) {
    const department = departments[i % departments.length]!;
    const lead = i % 12 === 1 ? 0 : i - (i % 12) + 1;
    graph.upsertUser({
      id: id(i),
      displayName: `Medewerker ${i}`,
      userPrincipalName: `m${i}@gemeente.example`,
      mail: i % 10 === 0 ? null : `m${i}@gemeente.example`,
      department,
      jobTitle: i % 12 === 1 ? 'Teamleider' : 'Medewerker',
      employeeId: `E${i}`,
      companyName: 'Gemeente Groot',
      employeeType: levels[i % levels.length]!,
      managerId: id(lead),
    });
    members.set(department, [...(members.get(department) ?? []), id(i)]);
  }
  let g = 0;
  for (const [department, ids] of members) graph.setGroup(`group-${++g}`, `Afdeling ${department}`, ids);
  graph.setGroup('group-all', 'Iedereen', [...Array(size).keys()].map(id));
  return { id };
}

export const connections = (graph: FakeGraph) => ({
  graph: {
    appId: 'app-id',
    password: graph.secret,
    tenantId: 'tenant-1',
    loginUrl: graph.url,
    graphUrl: graph.url,
    educationAttribute: 'employeeType',
  },
});
