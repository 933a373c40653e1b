import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/people/person.js';
import type { Database } from '../../src/db/database.js';
import { FixedClock, testCore } from '../support/builders.js';
import { testPostgres } from '../support/db.js';
import { importDepotTeam } from './support.js';

/** Monday 1 March 2027, 07:00 local: the default toolbox day. */
const MONDAY = new Date('2027-03-01T06:00:00Z');

describe('the weekly toolbox: who gets it when nobody chose a day (PostgreSQL)', () => {
  let db: Database;
  let core: ReturnType<typeof testCore>;
  const actor = async (id: string): Promise<Actor> => ({ person: (await core.ctx.people.findById(id))!, platform: 'CONSOLE', locale: 'nl' });
  const planned = (personId: string) => db.prisma.outboxMessage.count({ where: { kind: 'team.toolbox', personId } });

  beforeAll(async () => {
    db = await testPostgres(4);
    core = testCore(db, new FixedClock(MONDAY));
  });
  afterAll(async () => db?.close());

  it('a leader of people without chat gets it on Monday; a leader whose whole team chats only when they pick a day', async () => {
    const depot = await importDepotTeam(db, { platform: 'slack', userId: 'UDEPOT001', email: 'leider.depot@werf.example', name: 'Leider Depot' });
    const office = await importDepotTeam(db, { platform: 'slack', userId: 'UOFFICE01', email: 'leider.kantoor@werf.example', name: 'Leider Kantoor' }, 5);
    // The office team all have a chat account.
    for (const [i, m] of office.members.entries()) {
      await db.prisma.channelIdentity.create({ data: { personId: m.id, platform: 'SLACK', tenantId: 'T1', userId: `UOFF${i}` } });
    }
    expect(depot.leader.toolboxWeekday).toBeNull();

    await core.team.planToolbox(MONDAY);
    expect(await planned(depot.leader.id)).toBe(1);
    expect(await planned(office.leader.id)).toBe(0);
    const shown = (blocks: unknown) => JSON.stringify(blocks);
    expect(shown(await core.team.mySection(await actor(depot.leader.id)))).toContain('elke maandag');
    expect(shown(await core.team.mySection(await actor(office.leader.id)))).not.toContain('elke maandag');

    // The office leader picks Monday after all: from the next fire on, they get it too.
    await core.bot.action(await actor(office.leader.id), { action: 'team.toolbox_day', value: '', form: { day: '1' } });
    await core.team.planToolbox(new Date(MONDAY.getTime() + 7 * 86_400_000));
    expect(await planned(office.leader.id)).toBe(1);
    expect(await planned(depot.leader.id)).toBe(2);
    // And the depot leader who says "never" gets nothing more.
    await core.bot.action(await actor(depot.leader.id), { action: 'team.toolbox_day', value: '', form: { day: '0' } });
    await core.team.planToolbox(new Date(MONDAY.getTime() + 14 * 86_400_000));
    expect(await planned(depot.leader.id)).toBe(2);
  });
});
