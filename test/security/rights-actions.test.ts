import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { FixedClock, testCore } from '../support/builders.js';
import { testPostgres } from '../support/db.js';
import { changedTables, snapshotAll } from '../support/snapshot.js';
import { ACTION_SPECS } from './rights/actions.js';
import { answered, leaks, refusal, textOf } from './rights/support.js';
import { buildWorld, ROLES, type Core, type World } from './rights/world.js';

/**
 * Issue 10's rights matrix: every action id the bot answers to, tried by an employee, a manager, a team leader,
 * HR and someone of another organisation. Each refused try must say so kindly and leave every table of the
 * database exactly as it was; each allowed try must get through (and write, when the action writes). This is
 * what a replayed or forged button value (Slack `value`, Teams `data`) can reach: the roles are checked by the
 * server, not by which buttons were shown.
 */
describe('rights: every action by every role (PostgreSQL)', () => {
  let db: Database;
  let core: Core;

  beforeAll(async () => {
    db = await testPostgres(4);
    core = testCore(db, new FixedClock(new Date('2027-03-01T09:00:00Z')));
  });
  afterAll(async () => db?.close());

  it('has a rule for every action id the bot answers to', () => {
    const missing = core.bot.actionIds().filter((a) => !ACTION_SPECS[a]);
    expect(missing, 'add these to test/security/rights/actions.ts').toEqual([]);
  });

  it('has no rule for an action the bot does not answer to', () => {
    const stale = Object.keys(ACTION_SPECS).filter((a) => !core.bot.actionIds().includes(a));
    expect(stale, 'remove these from test/security/rights/actions.ts').toEqual([]);
  });

  it.for(Object.keys(ACTION_SPECS))('%s: refused for the other roles, kindly, with nothing changed', async (action) => {
    const spec = ACTION_SPECS[action]!;
    const refused = ROLES.filter((r) => !spec.allowed.includes(r));
    if (refused.length === 0) return;
    const w = await buildWorld(db, core);
    for (const role of refused) {
      const before = await snapshotAll(db);
      const reply = await core.bot.action(w.actors[role], spec.input(w, role));
      const changed = changedTables(before, await snapshotAll(db));
      if (spec.noop.includes(role)) expect(answered(reply), `${role} got: ${textOf(reply).slice(0, 300)}`).toBe(true);
      else expect(refusal(reply), `${role} got: ${textOf(reply).slice(0, 300)}`).toBe(true);
      expect(changed, `${role} changed`).toEqual([]);
      expect(leaks(role, reply), role).toEqual([]);
    }
  });

  it.for(Object.keys(ACTION_SPECS))('%s: done for the roles that may', async (action) => {
    const spec = ACTION_SPECS[action]!;
    let shared: World | undefined;
    for (const role of spec.allowed) {
      // An action that writes gets a world of its own per role, so one role's change cannot hide another's.
      const w = spec.writes ? await buildWorld(db, core) : (shared ??= await buildWorld(db, core));
      const before = await snapshotAll(db);
      const reply = await core.bot.action(w.actors[role], spec.input(w, role));
      const changed = changedTables(before, await snapshotAll(db));
      expect(answered(reply) && !refusal(reply), `${role} got: ${textOf(reply).slice(0, 300)}`).toBe(true);
      if (spec.writes) expect(changed.length, `${role} changed nothing`).toBeGreaterThan(0);
      expect(leaks(role, reply), role).toEqual([]);
    }
  });
});
