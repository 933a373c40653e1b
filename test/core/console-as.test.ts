import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleTurn } from '../../src/console/console-turn.js';
import { consoleDeps } from '../../src/runtime/admin-deps.js';
import type { Database } from '../../src/db/database.js';
import { aPerson, FixedClock, testCore } from '../support/builders.js';
import { testDatabase } from '../support/db.js';

describe('npm run chat -- --as <e-mail>', () => {
  let db: Database;
  let core: ReturnType<typeof testCore>;
  beforeAll(async () => {
    db = await testDatabase('postgres');
    core = testCore(db, new FixedClock(new Date('2027-03-08T09:00:00Z')));
  });
  afterAll(async () => db?.close());

  it('refuses an unknown address (a typo) unless asked to create that person', async () => {
    const deps = consoleDeps(core, db);
    const typo = await consoleTurn(deps, 'medewerkr@demo.vliegwiel.nl', { text: 'help' });
    expect(typo.unknownPerson).toBe(true);
    expect(typo.reply.messages[0]!.text).toContain('Er is niemand met het e-mailadres medewerkr@demo.vliegwiel.nl');
    expect(await db.prisma.person.count({ where: { email: 'medewerkr@demo.vliegwiel.nl' } })).toBe(0);

    const created = await consoleTurn(deps, 'nieuw@demo.vliegwiel.nl', { text: 'help' }, true);
    expect(created.unknownPerson).toBeUndefined();
    expect(await db.prisma.person.count({ where: { email: 'nieuw@demo.vliegwiel.nl' } })).toBe(1);

    await aPerson(db, { email: 'bekend@demo.vliegwiel.nl', locale: 'en' });
    const known = await consoleTurn(deps, 'Bekend@demo.vliegwiel.nl', { check: true });
    expect(known).toMatchObject({ locale: 'en', inbox: [] });
    expect(known.unknownPerson).toBeUndefined();
  });
});
