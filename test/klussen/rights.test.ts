import { describe, expect, it } from 'vitest';
import type { ActionInput } from '../../src/core/feature.js';
import type { Reply } from '../../src/core/messages.js';
import type { Actor } from '../../src/core/people/person.js';
import { aPerson, anActor, anOrganization } from '../support/builders.js';
import { BACKENDS } from '../support/db.js';
import { useTestWorld } from '../support/world.js';
import { aKlus, goodPost, snapshot, textOf } from './support.js';

type Role = 'employee' | 'candidate' | 'otherManager' | 'candidatesManager' | 'owner' | 'hr' | 'outsider';
const ROLES: Role[] = ['employee', 'candidate', 'otherManager', 'candidatesManager', 'owner', 'hr', 'outsider'];

/**
 * Every Klussenbank action, tried by every role. A refusal must say so kindly and change nothing: no klus, no
 * interest, no skill, no outbox row. The roles that may act are listed per action and must get through.
 */
describe.each(BACKENDS)('rights in the Klussenbank on %s', (backend) => {
  const suite = useTestWorld(backend);

  /** A fresh world per action: a draft and an open org-only klus of the owner, with one candidate waiting. */
  async function world() {
    const org = await anOrganization(suite.db);
    const other = await anOrganization(suite.db);
    const owner = await aPerson(suite.db, { organizationId: org.id, roles: ['MANAGER'] });
    const candidatesManager = await aPerson(suite.db, { organizationId: org.id, roles: ['MANAGER'] });
    const people: Record<Role, { id: string }> = {
      owner,
      candidatesManager,
      employee: await aPerson(suite.db, { organizationId: org.id, skills: ['excel'] }),
      candidate: await aPerson(suite.db, { organizationId: org.id, managerId: candidatesManager.id, skills: ['excel'] }),
      otherManager: await aPerson(suite.db, { organizationId: org.id, roles: ['MANAGER'] }),
      hr: await aPerson(suite.db, { organizationId: other.id, roles: ['HR'], locale: 'en' }),
      outsider: await aPerson(suite.db, { organizationId: other.id, skills: ['excel'] }),
    };
    const klus = await aKlus(suite.db, { ownerId: owner.id, organizationId: org.id, openToRegion: false, skills: ['excel'] });
    const another = await aKlus(suite.db, { ownerId: owner.id, organizationId: org.id, openToRegion: false, skills: ['excel'] });
    const draft = await aKlus(suite.db, { ownerId: owner.id, organizationId: org.id, status: 'DRAFT', skills: ['excel'] });
    const interest = await suite.db.prisma.klusInterest.create({
      data: { klusId: klus.id, personId: people.candidate.id, motivation: 'Graag', releaseStatus: 'PENDING', releaserId: candidatesManager.id },
    });
    // Two more candidates who are not among the roles: one released and waiting, one chosen.
    const released = await suite.db.prisma.klusInterest.create({
      data: { klusId: klus.id, personId: (await aPerson(suite.db, { organizationId: org.id })).id, motivation: 'Ik ook', releaseStatus: 'NOT_NEEDED' },
    });
    const chosen = await suite.db.prisma.klusInterest.create({
      data: { klusId: klus.id, personId: (await aPerson(suite.db, { organizationId: org.id, skills: ['excel'] })).id, status: 'ACCEPTED' },
    });
    const actors = Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, await anActor(suite.db, suite.core, people[r].id)]))) as Record<Role, Actor>;
    return { klus, another, draft, interest, released, chosen, actors };
  }
  type World = Awaited<ReturnType<typeof world>>;

  const act = (w: World, r: Role, input: ActionInput) => suite.core.bot.action(w.actors[r], input);
  const ACTIONS: { name: string; allowed: Role[]; reads?: boolean; run: (w: World, r: Role) => Promise<Reply> }[] = [
    { name: 'post a klus (form)', allowed: ['owner', 'otherManager', 'candidatesManager', 'hr'], run: (w, r) => act(w, r, { action: 'klus.form', value: '', form: goodPost() }) },
    { name: 'publish a draft', allowed: ['owner'], run: (w, r) => act(w, r, { action: 'klus.publish', value: w.draft.id }) },
    { name: 'edit a draft', allowed: ['owner'], run: (w, r) => act(w, r, { action: 'klus.form', value: w.draft.id, form: goodPost() }) },
    { name: 'discard a draft', allowed: ['owner'], run: (w, r) => act(w, r, { action: 'klus.discard', value: w.draft.id }) },
    { name: 'see candidates', allowed: ['owner', 'hr'], reads: true, run: (w, r) => act(w, r, { action: 'klus.candidates', value: w.klus.id }) },
    { name: 'decline a candidate', allowed: ['owner', 'hr'], run: (w, r) => act(w, r, { action: 'klus.decline', value: w.interest.id }) },
    { name: 'accept a released candidate', allowed: ['owner', 'hr'], run: (w, r) => act(w, r, { action: 'klus.accept', value: w.released.id }) },
    { name: 'mark filled', allowed: ['owner', 'hr'], run: (w, r) => act(w, r, { action: 'klus.fill', value: w.klus.id }) },
    { name: 'close', allowed: ['owner', 'hr'], run: (w, r) => act(w, r, { action: 'klus.close', value: w.klus.id }) },
    { name: 'confirm skills', allowed: ['owner', 'hr'], run: (w, r) => act(w, r, { action: 'klus.skills-confirm', value: w.chosen.id, form: { skills: ['excel'] } }) },
    { name: 'approve a release', allowed: ['candidatesManager'], run: (w, r) => act(w, r, { action: 'klus.release.approve', value: w.interest.id }) },
    { name: 'decline a release', allowed: ['candidatesManager'], run: (w, r) => act(w, r, { action: 'klus.release.decline', value: w.interest.id }) },
    // Joining an organisation-only klus: anyone of that organisation but its owner; never an outsider (not even HR).
    { name: 'join', allowed: ['employee', 'candidate', 'otherManager', 'candidatesManager'], run: (w, r) => act(w, r, { action: 'klus.join', value: w.another.id, form: { motivation: 'Ja' } }) },
    { name: 'open the join form', allowed: ['employee', 'candidate', 'otherManager', 'candidatesManager'], reads: true, run: (w, r) => act(w, r, { action: 'klus.interest', value: w.another.id }) },
  ];
  const REFUSALS = [
    'Dat mag je niet doen met jouw rol',
    'Your role does not allow that',
    'Alleen leidinggevenden en HR',
    'Alleen de eigenaar van de klus en HR',
    'Dit is je eigen klus',
  ];

  it.each(ACTIONS)('$name: refused for the other roles without any change', async ({ allowed, run }) => {
    for (const role of ROLES.filter((r) => !allowed.includes(r))) {
      const w = await world();
      const before = await snapshot(suite.db);
      const answer = textOf(await run(w, role));
      expect(REFUSALS.some((r) => answer.includes(r)), `${role}: ${answer.slice(0, 300)}`).toBe(true);
      expect(await snapshot(suite.db), role).toEqual(before);
    }
  });

  it.each(ACTIONS)('$name: done for the roles that may', async ({ allowed, reads, run }) => {
    for (const role of allowed) {
      const w = await world();
      const before = await snapshot(suite.db);
      const reply = await run(w, role);
      const answer = textOf(reply);
      expect(REFUSALS.some((r) => answer.includes(r)), `${role}: ${answer.slice(0, 300)}`).toBe(false);
      if (reads) expect(answer.includes('Graag') || answer.includes('"type":"form"'), role).toBe(true);
      else expect(await snapshot(suite.db), role).not.toEqual(before);
    }
  });

  it('shows candidates only to the owner and HR, also on the list and by command', async () => {
    const w = await world();
    const klussen = async (r: Role) => JSON.stringify((await suite.core.bot.text(w.actors[r], 'klussen')).messages[0]);
    expect(await klussen('owner')).toContain('klus.candidates');
    for (const r of ['employee', 'candidate', 'otherManager'] as const) expect(await klussen(r)).not.toContain('klus.candidates');
    // The outsider does not even see the organisation-only klus.
    expect(await klussen('outsider')).not.toContain(w.klus.id);
    const forRole = async (r: Role) => textOf(await suite.core.bot.action(w.actors[r], { action: 'klus.candidates', value: w.klus.id }));
    expect(await forRole('hr')).toContain('Graag');
    expect(await forRole('otherManager')).not.toContain('Graag');
  });
});
