import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues } from '../../src/app.js';
import type { Database } from '../../src/db/database.js';
import { aPerson, FixedClock, testCore } from '../support/builders.js';
import { testPostgres } from '../support/db.js';
import { changedTables, snapshotAll } from '../support/snapshot.js';
import { answered, leaks, refusal, textOf } from './rights/support.js';
import { buildWorld, ROLES, type Core, type Role, type World } from './rights/world.js';

/** Who may run which chat command; every command not named here is for everyone (about the person asking). */
const ONLY: Record<string, Role[]> = {
  'manage-workshops': ['hr'],
  broadcast: ['hr'],
  campaigns: ['hr'],
  report: ['hr'],
  'post-klus': ['manager', 'teamLeader', 'hr'],
  poster: ['manager', 'teamLeader', 'hr'],
  // `mijn team`: a team leader's own team; others hear that it is for team leaders.
  team: ['teamLeader'],
  // A one-time link to the HR console: HR and team leaders.
  'console-link': ['manager', 'teamLeader', 'hr'],
};
const EVERYONE = ['help', 'help-more', 'my', 'pause', 'resume', 'language', 'workshops', 'klussen', 'my-klussen', 'skills', 'reflect', 'dossier', 'goal', 'programme', 'rhythm', 'my-data', 'nudges.off', 'nudges.on'];

/** Arguments a curious person might try: someone else's e-mail address after "dossier". */
const ARGS: Record<string, (w: World) => string> = {
  dossier: (w) => w.people.employee.email ?? '',
  goal: () => 'Nieuw doel',
  language: () => 'nl',
};

describe('rights: every chat command by every role (PostgreSQL)', () => {
  let db: Database;
  let core: Core;
  beforeAll(async () => {
    db = await testPostgres(4);
    core = testCore(db, new FixedClock(new Date('2027-03-01T09:00:00Z')));
  });
  afterAll(async () => db?.close());

  /** The first phrase of every command the bot knows. */
  const commands = () => [...new Map(core.bot.phraseList().map((p) => [p.command, p.phrase])).entries()];

  it('knows who may run every command', () => {
    const unknown = commands().map(([c]) => c).filter((c) => !ONLY[c] && !EVERYONE.includes(c));
    expect(unknown, 'decide in this test who may run these').toEqual([]);
  });

  it('refuses restricted commands kindly without any change, answers everything else, and never shows one person’s dossier to another', async () => {
    for (const [command, phrase] of commands()) {
      const w = await buildWorld(db, core);
      const line = `${phrase} ${ARGS[command]?.(w) ?? ''}`.trim();
      for (const role of ROLES) {
        const before = await snapshotAll(db);
        const reply = await core.bot.text(w.actors[role], line);
        const changed = changedTables(before, await snapshotAll(db));
        const at = `${role}: "${line}" → ${textOf(reply).slice(0, 200)}`;
        expect(leaks(role, reply), at).toEqual([]);
        expect(answered(reply), at).toBe(true);
        if (ONLY[command] && !ONLY[command].includes(role)) {
          expect(refusal(reply), at).toBe(true);
          expect(changed, at).toEqual([]);
        } else expect(refusal(reply), at).toBe(false);
      }
    }
  }, 180_000); // every command × every role, each in a fresh world: slow on 2 shared cores

  it('answers words it does not know with a hint and changes nothing', async () => {
    const w = await buildWorld(db, core);
    // The employee has a question waiting, so free text would be their answer: the others have none.
    for (const role of ROLES.filter((r) => r !== 'employee')) {
      const before = await snapshotAll(db);
      const reply = await core.bot.text(w.actors[role], 'doe eens iets raars');
      expect(textOf(reply)).toBe(catalogues.nl['error.unknown_command']);
      expect(changedTables(before, await snapshotAll(db))).toEqual([]);
    }
  });

  it('keeps organisation boundaries in lists: a workshop and a klus for organisation A are not shown to B', async () => {
    const w = await buildWorld(db, core);
    const shown = async (role: Role, words: string) => JSON.stringify(await core.bot.text(w.actors[role], words));
    // Filtered by the unique part of the title: other tests' worlds fill the first page too.
    const find = (title: string) => title.split(' ').at(-1)!;
    expect(await shown('employee', `workshops ${find(w.wsA.title)}`)).toContain(w.wsA.title);
    expect(await shown('outsider', `workshops ${find(w.wsA.title)}`)).not.toContain(w.wsA.title);
    expect(await shown('outsider', `workshops ${find(w.wsRegion.title)}`)).toContain(w.wsRegion.title);
    expect(await shown('employee', `klussen ${find(w.klus2.title)}`)).toContain(w.klus2.title);
    expect(await shown('outsider', `klussen ${find(w.klus2.title)}`)).not.toContain(w.klus2.title);
  });

  it('shows HR answer figures of a programme only from five participants on', async () => {
    const w = await buildWorld(db, core);
    const small = catalogues.nl['programme.stats_small'];
    const enrol = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const p = await aPerson(db, { organizationId: w.orgA.id });
        await db.prisma.programmeEnrolment.create({ data: { programmeId: w.programme.id, personId: p.id, startedAt: new Date('2027-02-01T09:00:00Z') } });
      }
    };
    await enrol(4);
    const four = textOf(await core.bot.text(w.actors.hr, 'programma')) + JSON.stringify(await core.bot.text(w.actors.hr, 'programma'));
    expect(four).toContain(small);
    await enrol(1);
    expect(JSON.stringify(await core.bot.text(w.actors.hr, 'programma'))).not.toContain(small);
    // Nobody but HR sees the programme figures at all.
    expect(JSON.stringify(await core.bot.text(w.actors.teamLeader, 'programma'))).not.toContain(w.programme.name);
  });
});
