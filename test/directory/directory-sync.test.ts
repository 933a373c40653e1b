import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { cli } from '../support/cli.js';
import { testPostgres } from '../support/db.js';
import { FakeGraph } from '../support/fake-graph.js';
import { FakeSlack } from '../channels/slack/support/fake-slack.js';
import { aWorkshop, testCore } from '../support/builders.js';
import { connections, seedTenant } from './support.js';

const count = (stdout: string, word: string) => Number(new RegExp(`^${word}: (\\d+)$`, 'm').exec(stdout)?.[1] ?? NaN);

describe('directory sync from Entra ID (fake Graph on 127.0.0.1)', () => {
  let db: Database;
  let graph: FakeGraph;
  let tenant: ReturnType<typeof seedTenant>;
  const SIZE = 3500;
  beforeAll(async () => {
    db = await testPostgres();
    graph = await new FakeGraph().start();
    tenant = seedTenant(graph, SIZE);
  });
  afterAll(async () => {
    await graph?.stop();
    await db?.close();
  });
  const sync = (...args: string[]) => cli(db, ['sync', 'directory', ...args], { directory: connections(graph) });

  it('a dry run shows what would change and changes nothing', async () => {
    const r = await sync('--dry-run');
    expect(r.code).toBe(0);
    expect(count(r.stdout, 'created')).toBe(SIZE);
    expect(r.stdout).toContain('(dry run: nothing was changed)');
    expect(await db.prisma.person.count()).toBe(0);
    expect(await db.prisma.directorySyncState.count()).toBe(0);
  });

  it('syncs 3,500 users with team leaders, levels and groups in under 60 s, through a 429', async () => {
    graph.throttle('/users/delta', 1);
    const started = Date.now();
    const r = await sync();
    const seconds = (Date.now() - started) / 1000;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(seconds).toBeLessThan(60);
    expect(count(r.stdout, 'created')).toBe(SIZE);
    expect(count(r.stdout, 'refused')).toBe(0);
    expect(graph.calls.filter((c) => c.status === 429)).toHaveLength(1);
    const m13 = await db.prisma.person.findUniqueOrThrow({ where: { email: 'm13@gemeente.example' }, include: { manager: true, organization: true, identities: true } });
    expect(m13).toMatchObject({ department: 'Financiën', jobTitle: 'Teamleider', employeeNumber: 'E13', directoryId: tenant.id(13) });
    expect(m13.manager?.email).toBe('directeur@gemeente.example');
    expect(m13.organization?.name).toBe('Gemeente Groot');
    expect(m13.identities).toEqual([expect.objectContaining({ platform: 'TEAMS', userId: tenant.id(13) })]);
    // No mail: the UPN is the address.
    expect(await db.prisma.person.count({ where: { email: 'm10@gemeente.example' } })).toBe(1);
    const levels = await db.prisma.person.groupBy({ by: ['educationLevel'], _count: true });
    expect(levels.map((l) => l.educationLevel).sort()).toEqual(['hbo', 'mbo-1', 'mbo-2', 'mbo-3', 'mbo-4', 'vmbo', 'wo', null].sort());
    expect(await db.prisma.person.count({ where: { managerId: { not: null } } })).toBe(SIZE - 1);
    expect(await db.prisma.directoryGroupMember.count({ where: { group: { externalId: 'group-all' } } })).toBe(SIZE);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'sync.directory' } });
    expect(audit.details).toEqual({ created: SIZE, changed: 0, deactivated: 0, refused: 0 });
  }, 120_000);

  it('a second run with a few changes touches only those; leavers give their seats back; a circle is refused', async () => {
    const core = testCore(db);
    void core;
    const leaver = await db.prisma.person.findUniqueOrThrow({ where: { email: 'm20@gemeente.example' } });
    const waiting = await db.prisma.person.findUniqueOrThrow({ where: { email: 'm21@gemeente.example' } });
    const ws = await aWorkshop(db, { capacity: 1, startsAt: new Date('2027-04-01T09:00:00Z') });
    await db.prisma.signup.create({ data: { workshopId: ws.id, personId: leaver.id, status: 'CONFIRMED', confirmedAt: new Date() } });
    await db.prisma.signup.create({ data: { workshopId: ws.id, personId: waiting.id, status: 'WAITLISTED', waitlistSeq: 1 } });
    await db.prisma.workshop.update({ where: { id: ws.id }, data: { confirmedCount: 1, waitlistSeq: 1 } });
    const untouched = await db.prisma.person.findUniqueOrThrow({ where: { email: 'm100@gemeente.example' } });

    graph.upsertUser({ id: tenant.id(20), accountEnabled: false });
    graph.removeUser(tenant.id(30));
    graph.upsertUser({ id: tenant.id(40), department: 'ICT', employeeType: 'MBO-4' });
    graph.upsertUser({ id: tenant.id(5000), displayName: 'Nieuw', userPrincipalName: 'nieuw@gemeente.example', mail: 'nieuw@gemeente.example', managerId: tenant.id(13) });
    // The director reporting to someone in their own line closes a circle.
    graph.upsertUser({ id: tenant.id(0), managerId: tenant.id(13) });
    const before = graph.calls.length;
    const r = await sync();
    expect(r.code).toBe(0);
    expect(count(r.stdout, 'created')).toBe(1);
    expect(count(r.stdout, 'deactivated')).toBe(2);
    expect(count(r.stdout, 'changed')).toBe(1);
    expect(count(r.stdout, 'refused')).toBe(1);
    expect(r.stdout).toContain('directeur@gemeente.example: team leaders go round in a circle');
    expect(r.stdout).toContain('leavers: 1 workshop seats given back');
    // Only the changed users were read again (one delta page, a manager per changed user, the groups).
    expect(graph.calls.slice(before).filter((c) => c.path.startsWith('/users/delta'))).toHaveLength(1);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: untouched.id } })).updatedAt).toEqual(untouched.updatedAt);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { email: 'm40@gemeente.example' } })).educationLevel).toBe('mbo-4');
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: leaver.id } })).deactivatedBy).toBe('directory');
    expect((await db.prisma.signup.findFirstOrThrow({ where: { personId: waiting.id } })).status).toBe('CONFIRMED');
    expect((await db.prisma.person.findUniqueOrThrow({ where: { email: 'directeur@gemeente.example' } })).managerId).toBeNull();
    // A person who comes back is reactivated.
    graph.upsertUser({ id: tenant.id(20), accountEnabled: true });
    const back = await sync();
    expect(count(back.stdout, 'changed')).toBe(1);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: leaver.id } })).deactivatedAt).toBeNull();
  }, 60_000);

  it('a Graph that keeps failing leaves everything as it was and exits non-zero', async () => {
    graph.upsertUser({ id: tenant.id(50), department: 'Zwembad-nieuw' });
    graph.fail('/groups', 1, 403);
    const link = await db.prisma.directorySyncState.findUniqueOrThrow({ where: { source: 'directory' } });
    const r = await sync();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing was changed');
    expect(r.stderr).toContain('GroupMember.Read.All');
    expect((await db.prisma.person.findUniqueOrThrow({ where: { email: 'm50@gemeente.example' } })).department).not.toBe('Zwembad-nieuw');
    expect((await db.prisma.directorySyncState.findUniqueOrThrow({ where: { source: 'directory' } })).deltaLink).toBe(link.deltaLink);
  }, 120_000);

  it('a broadcast to an Entra group counts exactly its members who have not left', async () => {
    const core = testCore(db);
    const count = await core.ctx.broadcasts.countAudience({
      organizations: [], departments: [], educationLevels: [], roles: [], tags: [], groups: [{ id: 'group-all', name: 'Iedereen' }],
    });
    // group-all: 3,500 members; m20 came back, m30 was removed from the group.
    expect(count.recipients).toBe(SIZE - 1);
    const mbo = await core.ctx.broadcasts.countAudience({ organizations: [], departments: ['wegen'], educationLevels: ['mbo'], roles: [], tags: [] });
    expect(mbo.recipients).toBe(await db.prisma.person.count({ where: { department: 'Wegen', educationLevel: { startsWith: 'mbo' }, deactivatedAt: null } }));
    expect(mbo.recipients).toBeGreaterThan(0);
  });

  it('links Slack members by e-mail and deactivates deleted accounts (fake Slack users.list)', async () => {
    const slack = await new FakeSlack().start();
    try {
      slack.addUser({ id: 'U1', name: 'Medewerker 11', email: 'm11@gemeente.example' });
      slack.addUser({ id: 'U2', name: 'Nieuwe Slacker', email: 'slacker@gemeente.example' });
      slack.addUser({ id: 'U3', name: 'Gast', email: undefined });
      slack.addUser({ id: 'UB', name: 'Bot', isBot: true });
      slack.throttle('users.list', 1);
      const run = () => cli(db, ['sync', 'slack'], { directory: { slack: { apiUrl: slack.apiUrl, token: 'xoxb-test' } } });
      const r = await run();
      expect(r.code).toBe(0);
      expect(count(r.stdout, 'created')).toBe(1);
      expect(count(r.stdout, 'changed')).toBe(1);
      expect(count(r.stdout, 'refused')).toBe(1);
      expect(await db.prisma.channelIdentity.count({ where: { platform: 'SLACK', userId: 'U1', person: { email: 'm11@gemeente.example' } } })).toBe(1);
      slack.addUser({ id: 'U2', name: 'Nieuwe Slacker', email: 'slacker@gemeente.example', deleted: true });
      const again = await run();
      expect(count(again.stdout, 'deactivated')).toBe(1);
      expect((await db.prisma.person.findUniqueOrThrow({ where: { email: 'slacker@gemeente.example' } })).deactivatedBy).toBe('slack');
    } finally {
      await slack.stop();
    }
  });
});
