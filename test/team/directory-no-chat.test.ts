import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { cli } from '../support/cli.js';
import { testPostgres } from '../support/db.js';
import { FakeGraph } from '../support/fake-graph.js';
import { connections } from '../directory/support.js';

const id = (i: number) => `00000000-0000-4000-8000-0000000018${String(i).padStart(2, '0')}`;
const TEAMS = [{ service: 'TeamspaceAPI', capabilityStatus: 'Enabled' }];
const MAIL_ONLY = [{ service: 'exchange', capabilityStatus: 'Enabled' }];

describe('directory sync: a directory user without Teams is a person without a chat account', () => {
  let db: Database;
  let graph: FakeGraph;
  beforeAll(async () => {
    db = await testPostgres();
    graph = await new FakeGraph().start();
    graph.upsertUser({ id: id(0), displayName: 'Teamleider Werf', userPrincipalName: 'tl.werf@gemeente.example', mail: 'tl.werf@gemeente.example', assignedPlans: TEAMS });
    for (let i = 1; i <= 8; i++) {
      graph.upsertUser({
        id: id(i),
        displayName: `Werfmedewerker ${i}`,
        userPrincipalName: `werf${i}@gemeente.example`,
        department: 'Buitendienst',
        managerId: id(0),
        // Two say nothing about their plans: as before, they get a Teams identity.
        ...(i <= 6 ? { assignedPlans: MAIL_ONLY } : {}),
      });
    }
  });
  afterAll(async () => {
    await graph?.stop();
    await db?.close();
  });

  it('creates them in the team leader’s team with no Teams identity, so messages for them go to the leader', async () => {
    const r = await cli(db, ['sync', 'directory'], { directory: connections(graph) });
    expect(r.code).toBe(0);
    const leader = await db.prisma.person.findUniqueOrThrow({ where: { email: 'tl.werf@gemeente.example' }, include: { identities: true } });
    expect(leader.identities.map((i) => i.platform)).toEqual(['TEAMS']);
    const team = await db.prisma.person.findMany({ where: { managerId: leader.id }, include: { identities: true }, orderBy: { email: 'asc' } });
    expect(team).toHaveLength(8);
    expect(team.filter((p) => p.identities.length === 0).map((p) => p.email)).toEqual([1, 2, 3, 4, 5, 6].map((i) => `werf${i}@gemeente.example`));
  });
});
