import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPOSE_FORM } from '../../src/core/broadcasts/compose-form.js';
import { NudgeService } from '../../src/core/nudges/nudge-service.js';
import type { Database } from '../../src/db/database.js';
import { toCampaign } from '../../src/db/nudges/nudge-campaigns.js';
import { anActor, aWorkshop, FixedClock, testCore } from '../support/builders.js';
import { cli } from '../support/cli.js';
import { testPostgres } from '../support/db.js';
import { FakeGraph } from '../support/fake-graph.js';
import { aKlus, buttonFor, delivered, formOf, outboxFor, press, submit, textOf } from '../klussen/support.js';
import { aCampaign } from '../nudges/support.js';
import { connections } from './support.js';

const HEADER = 'platform;platform_user_id;email;name;organization;department;education_level;role;locale;skills;manager_email;employee_number;job_title;active';
const NOW = new Date('2027-03-01T09:00:00Z');
/** Monday 8 March 2027, 08:00 local: when the weekly digest is planned. */
const DIGEST_AT = new Date('2027-03-08T07:00:00Z');
const g = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;

/**
 * Issue 19's held-out checks, played end to end for both ways people arrive: a people file with manager_email,
 * and a directory sync from Entra ID (fake Graph). The hours release and the team-leader digest reach the right
 * team leader; a broadcast and a campaign to an Entra group (and to "the team of …") reach exactly its members.
 */
describe('a real organisation: imported and synced people in the Klussenbank, the digest and broadcasts', () => {
  let db: Database;
  let graph: FakeGraph;
  const core = () => testCore(db, new FixedClock(NOW));
  const person = (email: string) => db.prisma.person.findUniqueOrThrow({ where: { email } });

  beforeAll(async () => {
    db = await testPostgres();
    graph = await new FakeGraph().start();
    const user = (n: number, name: string, over: Record<string, unknown> = {}) =>
      graph.upsertUser({ id: g(n), displayName: name, userPrincipalName: `${name.split(' ')[0]!.toLowerCase()}@gemeente.example`, mail: `${name.split(' ')[0]!.toLowerCase()}@gemeente.example`, companyName: 'Gemeente Groot', department: 'Groen', ...over });
    user(1, 'Mia Leider', { jobTitle: 'Teamleider' });
    user(2, 'Wim Groen', { managerId: g(1), employeeType: 'MBO 3' });
    user(3, 'Wendy Groen', { managerId: g(1), employeeType: 'mbo2' });
    user(4, 'Olga Eigenaar', { department: 'Archief' });
    user(5, 'Ex Collega', { managerId: g(1), accountEnabled: false });
    graph.setGroup('grp-groen', 'Team Groen buiten', [g(2), g(3), g(5)]);
    const synced = await cli(db, ['sync', 'directory'], { directory: connections(graph) });
    expect(synced.code, synced.stderr).toBe(0);
    const file = `\uFEFF${[
      HEADER,
      'slack;UINA;ina@dijk.example;Ina Baas;Gemeente Dijk;Wijkteam;hbo;manager;nl;;;;;',
      'slack;UIVO;ivo@dijk.example;Ivo Dijk;Gemeente Dijk;Wijkteam;MBO 2;employee;nl;;ina@dijk.example;E-7;Wijkbeheerder;',
      'slack;UHR;hr@dijk.example;Hanna HR;Gemeente Dijk;HR;hbo;hr;nl;;;;;',
    ].join('\r\n')}\r\n`;
    const imported = await cli(db, ['import', 'people', 'p.csv'], { files: { 'p.csv': file } });
    expect(imported.code, imported.stderr).toBe(0);
    for (const email of ['wim@gemeente.example', 'wendy@gemeente.example', 'mia@gemeente.example']) {
      const p = await person(email);
      await db.prisma.channelIdentity.upsert({
        where: { platform_tenantId_userId: { platform: 'TEAMS', tenantId: 'tenant-1', userId: p.directoryId! } },
        create: { platform: 'TEAMS', tenantId: 'tenant-1', userId: p.directoryId!, personId: p.id, conversationRef: { conversation: { id: `c-${p.id}` } } },
        update: {},
      });
    }
  }, 60_000);
  afterAll(async () => {
    await graph?.stop();
    await db?.close();
  });

  it('knows the team leaders from both sources', async () => {
    expect((await person('wim@gemeente.example')).managerId).toBe((await person('mia@gemeente.example')).id);
    expect((await person('ivo@dijk.example')).managerId).toBe((await person('ina@dijk.example')).id);
    expect((await person('wim@gemeente.example')).educationLevel).toBe('mbo-3');
  });

  it.each([
    ['synced', 'wim@gemeente.example', 'mia@gemeente.example'],
    ['imported', 'ivo@dijk.example', 'ina@dijk.example'],
  ])('releases the hours of a %s person through their own team leader', async (_how, who, leader) => {
    const c = core();
    const owner = await person('olga@gemeente.example');
    const klus = await aKlus(db, { title: `Archief ${who}`, ownerId: owner.id, openToRegion: true });
    const me = await anActor(db, c, (await person(who)).id);
    const form = await press(c, me, await c.bot.text(me, `klussen Archief ${who}`), 'klus.interest', klus.id);
    expect(formOf(form).id).toBe('klus.join');
    await submit(c, me, form, { motivation: 'Ik help graag.' });
    const boss = await person(leader);
    const interest = await db.prisma.klusInterest.findFirstOrThrow({ where: { klusId: klus.id, personId: me.person.id } });
    expect(interest).toMatchObject({ releaseStatus: 'PENDING', releaserId: boss.id });
    const request = await delivered(db, c, boss.id, 'klus.release-request');
    expect(request, 'the release request reaches the team leader').not.toBeNull();
    const b = await anActor(db, c, boss.id);
    buttonFor(request!, 'klus.release.approve');
    await press(c, b, request!, 'klus.release.approve');
    expect((await db.prisma.klusInterest.findUniqueOrThrow({ where: { id: interest.id } })).releaseStatus).toBe('APPROVED');
    expect(await outboxFor(db, me.person.id, 'klus.release-decision')).toHaveLength(1);
  });

  it('plans the team-leader digest for the synced and the imported team leader, about their own team', async () => {
    const c = testCore(db, new FixedClock(DIGEST_AT));
    await aWorkshop(db, { startsAt: new Date('2027-03-11T09:00:00Z') });
    await new NudgeService(c.ctx).planDigests(DIGEST_AT);
    for (const [leader, team] of [['mia@gemeente.example', ['Wim Groen', 'Wendy Groen']], ['ina@dijk.example', ['Ivo Dijk']]] as const) {
      const boss = await person(leader);
      const [row] = await outboxFor(db, boss.id, 'nudge.digest');
      expect(row, `digest for ${leader}`).toBeDefined();
      const read = testCore(db, new FixedClock(new Date('2027-03-08T09:00:00Z')));
      const digest = await read.bot.compose('nudge.digest', row!.payload as Record<string, unknown>, await anActor(db, read, boss.id));
      expect(digest, `digest for ${leader}`).not.toBeNull();
      const text = textOf(digest!);
      // A digest never names anyone; a team under 5 (the leaver does not count) gets no figures, only the offer.
      for (const name of team) expect(text).not.toContain(name);
      expect(text).toContain('Je team heeft minder dan 5 mensen');
      expect(text).toContain('1 workshop voor je team');
    }
    // Someone without a team (the klus owner) gets none.
    expect(await outboxFor(db, (await person('olga@gemeente.example')).id, 'nudge.digest')).toHaveLength(0);
  });

  it('sends a broadcast to an Entra group: exactly its members who have not left', async () => {
    const c = core();
    const hr = await anActor(db, c, (await person('hr@dijk.example')).id);
    const draft = await c.bot.action(hr, { action: COMPOSE_FORM, value: '', form: { title: 'Buiten', text: 'Hallo team', groups: ['grp-groen'] } });
    const sent = await press(c, hr, draft, 'broadcast.send');
    expect(textOf(sent)).not.toContain('0 collega');
    const b = await db.prisma.broadcast.findFirstOrThrow({ where: { title: 'Buiten' } });
    const rows = await db.prisma.outboxMessage.findMany({ where: { broadcastId: b.id }, select: { personId: true } });
    const expected = await Promise.all(['wim@gemeente.example', 'wendy@gemeente.example'].map(async (e) => (await person(e)).id));
    expect(rows.map((r) => r.personId).sort()).toEqual(expected.sort());
  });

  it('fires a campaign to an Entra group, and one to the team of an imported team leader', async () => {
    const c = core();
    const fire = async (target: Record<string, unknown>) => {
      const camp = await aCampaign(db, { target });
      await new NudgeService(c.ctx).fireCampaign(toCampaign(await db.prisma.nudgeCampaign.findUniqueOrThrow({ where: { id: camp.id } })), NOW);
      const rows = await db.prisma.outboxMessage.findMany({ where: { kind: 'nudge.campaign', payload: { path: ['campaignId'], equals: camp.id } }, select: { personId: true } });
      return rows.map((r) => r.personId).sort();
    };
    const ids = (...emails: string[]) => Promise.all(emails.map(async (e) => (await person(e)).id)).then((x) => x.sort());
    expect(await fire({ groups: ['Team Groen buiten'] })).toEqual(await ids('wim@gemeente.example', 'wendy@gemeente.example'));
    expect(await fire({ teamsOf: ['ina@dijk.example'] })).toEqual(await ids('ivo@dijk.example'));
    // Kinds of target narrow one another (as department and level do): the group AND Ina's team is nobody.
    expect(await fire({ groups: ['Team Groen buiten'], teamsOf: ['ina@dijk.example'] })).toEqual([]);
  });
});
