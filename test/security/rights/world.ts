import { randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '../../../src/core/people/person.js';
import type { Database } from '../../../src/db/database.js';
import { aKlus } from '../../klussen/support.js';
import { aPerson, anActor, anOrganization, aWorkshop, type testCore } from '../../support/builders.js';

export type Core = ReturnType<typeof testCore>;

/** The roles of issue 10: a team leader is a manager with reports; the outsider works for another organisation. */
export const ROLES = ['employee', 'manager', 'teamLeader', 'hr', 'outsider'] as const;
export type Role = (typeof ROLES)[number];

/** Text only its author may ever see; a reply to anyone else that contains it is a leak. */
export const SECRETS = { reflection: 'GEHEIME-REFLECTIE', goal: 'GEHEIM-DOEL' } as const;

const uniq = () => randomBytes(3).toString('hex');

/**
 * A small region in one transaction's worth of rows: organisation A with an employee, a plain manager, the
 * employee's team leader and HR (plus a second HR adviser who authored broadcasts); organisation B with one
 * employee. Everything an action can point at exists once, owned by a known person.
 */
export async function buildWorld(db: Database, core: Core) {
  const orgA = await anOrganization(db);
  const orgB = await anOrganization(db);
  const email = (r: string) => `${r}-${uniq()}@rights.example`;
  const teamLeader = await aPerson(db, { organizationId: orgA.id, roles: ['MANAGER'], email: email('tl') });
  const people: Record<Role, { id: string; email: string | null }> = {
    teamLeader,
    employee: await aPerson(db, { organizationId: orgA.id, managerId: teamLeader.id, email: email('emp'), skills: ['excel'] }),
    manager: await aPerson(db, { organizationId: orgA.id, roles: ['MANAGER'], email: email('man') }),
    hr: await aPerson(db, { organizationId: orgA.id, roles: ['HR'], email: email('hr') }),
    outsider: await aPerson(db, { organizationId: orgB.id, email: email('out'), skills: ['excel'] }),
  };
  const hr2 = await aPerson(db, { organizationId: orgA.id, roles: ['HR'] });
  const helper = () => aPerson(db, { organizationId: orgA.id, skills: ['excel'] });
  const emp = people.employee.id;

  // Workshops: one for organisation A only, one for the region (the employee has a seat), one that has started.
  const wsA = await aWorkshop(db, { openTo: [orgA.id], capacity: 10 });
  const wsRegion = await aWorkshop(db, { capacity: 10, startsAt: new Date('2027-03-18T09:00:00Z') });
  const wsPast = await aWorkshop(db, { startsAt: new Date('2027-02-25T09:00:00Z') });
  const empActor = await anActor(db, core, emp);
  await core.workshops.signUp(empActor, { w: wsRegion.id, q: '', o: 0 });
  await db.prisma.signup.create({ data: { workshopId: wsPast.id, personId: emp, status: 'CONFIRMED' } });

  // Klussen of organisation A only: the team leader's with candidates, another to join, the manager's draft.
  const klus = await aKlus(db, { ownerId: teamLeader.id, organizationId: orgA.id, openToRegion: false, skills: ['excel'] });
  const klus2 = await aKlus(db, { ownerId: teamLeader.id, organizationId: orgA.id, openToRegion: false, skills: ['excel'] });
  const draft = await aKlus(db, { ownerId: people.manager.id, organizationId: orgA.id, status: 'DRAFT' });
  const interest = await db.prisma.klusInterest.create({
    data: { klusId: klus.id, personId: emp, motivation: 'Graag', releaseStatus: 'PENDING', releaserId: teamLeader.id },
  });
  const released = await db.prisma.klusInterest.create({ data: { klusId: klus.id, personId: (await helper()).id, releaseStatus: 'NOT_NEEDED' } });
  const chosen = await db.prisma.klusInterest.create({ data: { klusId: klus.id, personId: (await helper()).id, status: 'ACCEPTED' } });

  // The employee's private dossier: a scale question waiting for an answer (with text they typed that may be
  // the answer, waiting for their yes), a reflection and a goal.
  const prompt =
    (await db.prisma.prompt.findFirst({ where: { followUpNl: null, kind: 'SCALE' } })) ??
    (await db.prisma.prompt.create({
      data: { key: `p-${uniq()}`, kind: 'SCALE', theme: 'talent', textNl: 'Hoe ging het? Kies 1 tot 5.', textEn: 'How did it go? Pick 1 to 5.' },
    }));
  const delivery = await db.prisma.promptDelivery.create({
    data: { personId: emp, promptId: prompt.id, reason: 'SCHEDULE', sentAt: new Date('2027-02-28T09:00:00Z'), pendingAnswer: 'Het ging goed' },
  });
  await db.prisma.reflection.create({ data: { personId: emp, text: `${SECRETS.reflection} ${uniq()}` } });
  const goal = await db.prisma.goal.create({ data: { personId: emp, text: `${SECRETS.goal} ${uniq()}` } });
  const programme = await db.prisma.programme.create({
    data: { key: `pr-${uniq()}`, name: 'Startprogramma', nameEn: 'Starter programme', steps: { create: [{ position: 1, phase: 'Start', titleNl: 'Kennismaken', titleEn: 'Meet', offsetDays: 0 }] } },
  });

  // Broadcasts: an HR draft, one waiting for a second HR adviser, one being sent (to recall).
  const broadcast = (status: 'DRAFT' | 'PENDING_APPROVAL' | 'SENDING', createdById: string) =>
    db.prisma.broadcast.create({
      data: { title: `Leerweek ${uniq()}`, content: { nl: { title: 'Leerweek', text: 'Doe mee.' }, en: { title: 'Learning week', text: 'Join.' } }, audience: {}, status, createdById },
    });
  const bDraft = await broadcast('DRAFT', people.hr.id);
  const bPending = await broadcast('PENDING_APPROVAL', hr2.id);
  const bSending = await broadcast('SENDING', hr2.id);
  const campaign = await db.prisma.nudgeCampaign.create({
    data: { key: `c-${uniq()}`, name: 'Terug naar de leerweek', target: {}, variants: [{ key: 'A', nl: { text: 'Kom je?', button: 'Ja' }, en: { text: 'Coming?', button: 'Yes' } }], schedule: '0 10 * * 2', status: 'ACTIVE', createdById: hr2.id },
  });

  // A request for a seat from the public page, waiting for the team leader (issue 18).
  const seatRequest = await db.prisma.seatRequest.create({
    data: { workshopId: wsA.id, teamLeaderId: teamLeader.id, name: 'Sanne Zonder Account', nameKey: 'sanne zonder account', expiresAt: new Date('2027-03-10T09:00:00Z') },
  });

  const actors = Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, await anActor(db, core, people[r].id)]))) as Record<Role, Actor>;
  return {
    orgA, orgB, people, actors, wsA, wsRegion, wsPast, klus, klus2, draft, interest, released, chosen,
    delivery, goal, programme, bDraft, bPending, bSending, campaign, seatRequest, nonce: randomUUID(),
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
