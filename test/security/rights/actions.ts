import type { ActionInput } from '../../../src/core/feature.js';
import { goodPost } from '../../klussen/support.js';
import { ROLES, type Role, type World } from './world.js';

/**
 * What every action id of the bot may do, and for whom. `allowed` roles must get through (and, with `writes`,
 * change something); every other role must be refused kindly with nothing changed. `input` points the action at
 * the world's objects, mostly at what belongs to someone else: a button value replayed by another person.
 */
export interface ActionSpec {
  allowed: readonly Role[];
  writes: boolean;
  input: (w: World, role: Role) => ActionInput;
  /** Roles for whom the action is a harmless no-op (it only ever touches the clicker's own row): answered, nothing changed. */
  noop: readonly Role[];
}

const ALL = ROLES;
const ORG_A: Role[] = ['employee', 'manager', 'teamLeader', 'hr'];
const POSTERS: Role[] = ['manager', 'teamLeader', 'hr'];
const KLUS_OWNER_OR_HR: Role[] = ['teamLeader', 'hr'];
const HR: Role[] = ['hr'];
const OWN: Role[] = ['employee'];
const TEAM_LEADER: Role[] = ['teamLeader'];

const v = (value: string, form?: ActionInput['form']) => (): Omit<ActionInput, 'action'> => ({ value, ...(form ? { form } : {}) });
const state = (w: string) => JSON.stringify({ w, q: '', o: 0 });

type Entry = [Role[] | readonly Role[], boolean, (w: World, r: Role) => Omit<ActionInput, 'action'>, Role[]?];

const entries: Record<string, Entry> = {
  // Everyone's own overview, settings and navigation.
  'nav.help': [ALL, false, v('')],
  'nav.help_more': [ALL, false, v('')],
  'nav.my': [ALL, false, v('')],
  'nav.workshops': [ALL, false, v('')],
  'nav.klussen': [ALL, false, v('')],
  'nav.my-klussen': [ALL, false, v('')],
  'nav.my-data': [ALL, false, v('')],
  'nav.dossier': [ALL, false, v('')],
  'nav.reflect': [ALL, true, v('')],
  'settings.pause': [ALL, true, v('')],
  'settings.resume': [ALL, true, v('')],
  'workshops.page': [ALL, false, v(JSON.stringify({ q: '', o: 0 }))],
  'klussen.page': [ALL, false, v(JSON.stringify({ q: '', o: 3 }))],
  'skills.save': [ALL, true, v('', { skills: 'excel, snoeien' })],
  'rhythm.save': [ALL, true, v('', { every: '14', day: '3', time: '10:00' })],
  'goal.new': [ALL, false, v('')],
  'goal.add': [ALL, true, v('', { goal: 'Beter plannen' })],
  'dossier.export': [ALL, true, v('')],
  'data.export': [ALL, true, v('')],
  'data.erase': [ALL, true, v('')],
  // Workshops: organisation A's workshop is not for the outsider; the employee's seat is the employee's.
  'workshop.signup': [ORG_A, true, (w) => v(state(w.wsA.id))()],
  'workshop.cancel': [OWN, true, (w) => v(state(w.wsRegion.id))()],
  'my.cancel': [OWN, true, (w) => v(state(w.wsRegion.id))()],
  // The team leader's toolbox: only for the leader of the person (here the employee's team leader).
  'team.members': [TEAM_LEADER, false, v(JSON.stringify({ o: 0 }))],
  'team.member': [TEAM_LEADER, false, (w) => v(JSON.stringify({ p: w.people.employee.id, o: 0 }))()],
  'team.ask': [TEAM_LEADER, false, (w) => v(JSON.stringify({ p: w.people.employee.id, w: w.wsA.id, c: 'signup' }))()],
  'team.confirm': [TEAM_LEADER, true, (w) => v(JSON.stringify({ p: w.people.employee.id, w: w.wsA.id, c: 'signup' }))()],
  'team.not_asked': [TEAM_LEADER, false, (w) => v(JSON.stringify({ p: w.people.employee.id, o: 0 }))()],
  'team.talk': [TEAM_LEADER, true, v('vraag@2027-03-01')],
  'team.toolbox_day': [TEAM_LEADER, true, v('', { day: '3' })],
  'manage.page': [HR, false, v('0')],
  'manage.participants': [HR, false, (w) => v(w.wsRegion.id)()],
  'manage.edit': [HR, false, (w) => v(w.wsRegion.id)()],
  'manage.edit.submit': [HR, true, (w) => v(w.wsRegion.id, { title: 'Nieuw', starts: '2027-03-18 11:00', ends: '2027-03-18 13:00', location: 'Zaal 2', capacity: '12', deadline: '' })()],
  'manage.cancel': [HR, true, (w) => v(w.wsRegion.id)()],
  'manage.attendance': [HR, false, (w) => v(w.wsPast.id)()],
  'manage.attendance.submit': [HR, true, (w) => v(w.wsPast.id, { present: [w.people.employee.id] })()],
  // Klussenbank: posting by managers and HR, a draft by its owner, choosing by the owner and HR, the release by
  // the candidate's own team leader, joining an organisation-only klus by its organisation (not the owner).
  'nav.post-klus': [POSTERS, false, v('')],
  'klus.form': [POSTERS, true, v('', goodPost())],
  'klus.publish': [['manager'], true, (w) => v(w.draft.id)()],
  'klus.edit': [['manager'], false, (w) => v(w.draft.id)()],
  'klus.discard': [['manager'], true, (w) => v(w.draft.id)()],
  'klus.interest': [['employee', 'manager', 'hr'], false, (w) => v(w.klus2.id)()],
  'klus.join': [['employee', 'manager', 'hr'], true, (w) => v(w.klus2.id, { motivation: 'Ik help graag' })()],
  // Withdrawing is about the clicker's own hand: for anyone else it says "you are not in" and changes nothing.
  'klus.withdraw': [OWN, true, (w) => v(w.klus.id)(), ['manager', 'teamLeader', 'hr', 'outsider']],
  'klus.release.approve': [['teamLeader'], true, (w) => v(w.interest.id)()],
  'klus.release.decline': [['teamLeader'], true, (w) => v(w.interest.id)()],
  'klus.candidates': [KLUS_OWNER_OR_HR, false, (w) => v(w.klus.id)()],
  'klus.accept': [KLUS_OWNER_OR_HR, true, (w) => v(w.released.id)()],
  'klus.decline': [KLUS_OWNER_OR_HR, true, (w) => v(w.interest.id)()],
  'klus.fill': [KLUS_OWNER_OR_HR, true, (w) => v(w.klus.id)()],
  'klus.close': [KLUS_OWNER_OR_HR, true, (w) => v(w.klus.id)()],
  'klus.confirm-skills': [KLUS_OWNER_OR_HR, false, (w) => v(w.chosen.id)()],
  'klus.skills-confirm': [KLUS_OWNER_OR_HR, true, (w) => v(w.chosen.id, { skills: ['excel'] })()],
  // Reflection: a question, an answer and a goal belong to the employee alone.
  'reflect.skip': [OWN, true, (w) => v(w.delivery.id)()],
  'reflect.later': [OWN, true, (w) => v(w.delivery.id)()],
  'reflect.scale': [OWN, true, (w) => v(`${w.delivery.id}:4`)()],
  'reflect.answer': [OWN, true, (w) => v(w.delivery.id, { answer: 'Het ging goed' })()],
  'reflect.confirm': [OWN, true, (w) => v(w.delivery.id)()],
  'reflect.discard': [OWN, true, (w) => v(w.delivery.id)()],
  'goal.done': [OWN, true, (w) => v(w.goal.id)()],
  'programme.enrol_form': [HR, false, (w) => v(w.programme.id)()],
  'programme.enrol': [HR, true, (w) => v(w.programme.id, { emails: w.people.employee.email ?? '' })()],
  // Broadcasts: HR only; approving is for another HR adviser than the author (here: the second one wrote it).
  'broadcast.form': [HR, true, v('', { title: 'Leerweek', text: 'Doe mee aan de leerweek.' })],
  'broadcast.view': [HR, false, (w) => v(w.bDraft.id)()],
  'broadcast.edit': [HR, false, (w) => v(w.bDraft.id)()],
  'broadcast.discard': [HR, true, (w) => v(w.bDraft.id)()],
  'broadcast.send': [HR, true, (w) => v(w.bDraft.id)()],
  'broadcast.ask': [HR, true, (w) => v(w.bDraft.id)()],
  'broadcast.approve': [HR, true, (w) => v(w.bPending.id)()],
  'broadcast.reject': [HR, true, (w) => v(w.bPending.id)()],
  'broadcast.recall': [HR, true, (w) => v(w.bSending.id)()],
  // A broadcast's sign-up button signs the clicker up: organisation A's workshop stays closed to the outsider.
  'broadcast.signup': [ORG_A, true, (w) => v(`${w.bSending.id}:${w.wsA.key}`)()],
  // Nudges: the click is the clicker's own; campaigns and the report are HR's.
  'nudge.open': [ALL, false, (w) => v(JSON.stringify({ c: w.campaign.id }))()],
  'campaign.pause': [HR, true, (w) => v(w.campaign.id)()],
  'campaign.resume': [HR, false, (w) => v(w.campaign.id)()],
  'report.view': [HR, false, v('')],
  'report.csv': [HR, true, v('')],
  // A seat request from the public page: only the team leader it was sent to decides (issue 18).
  'seat_request.confirm': [['teamLeader'], true, (w) => v(w.seatRequest.id)()],
  'seat_request.refuse': [['teamLeader'], true, (w) => v(w.seatRequest.id)()],
};

export const ACTION_SPECS: Record<string, ActionSpec> = Object.fromEntries(
  Object.entries(entries).map(([action, [allowed, writes, input, noop = []]]) => [
    action,
    { allowed, writes, noop, input: (w: World, r: Role) => ({ action, ...input(w, r) }) },
  ]),
);
