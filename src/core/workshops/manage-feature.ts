import { action, values, type Feature } from '../feature.js';
import { hasRole } from '../people/person.js';
import type { ManageWorkshopsService } from './manage-service.js';
import { translator } from './texts.js';

/** HR: "workshops beheren" / "manage workshops". Every action checks the role again (buttons can be replayed). */
export function manageWorkshopsFeature(manage: ManageWorkshopsService): Feature {
  return {
    name: 'workshops.manage',
    phrases: [
      { phrase: 'workshops beheren', command: 'manage-workshops' },
      { phrase: 'beheer workshops', command: 'manage-workshops' },
      { phrase: 'manage workshops', command: 'manage-workshops' },
    ],
    commands: { 'manage-workshops': async (actor) => ({ messages: [await manage.list(actor)] }) },
    actions: [
      action('manage.page', values.token, async (actor, v) => ({ messages: [], update: await manage.list(actor, Math.max(0, Number(v) || 0)) })),
      action('manage.participants', values.id, (actor, id) => manage.participants(actor, id)),
      action('manage.edit', values.id, (actor, id) => manage.editForm(actor, id)),
      action('manage.edit.submit', values.id, (actor, id, input) => manage.submitEdit(actor, id, input.form ?? {})),
      action('manage.cancel', values.id, (actor, id) => manage.cancel(actor, id)),
      action('manage.attendance', values.id, (actor, id) => manage.attendanceForm(actor, id)),
      action('manage.attendance.submit', values.id, (actor, id, input) => manage.submitAttendance(actor, id, input.form ?? {})),
    ],
    help: (actor) => ({ lines: [], more: hasRole(actor.person, 'HR') ? [translator(actor.locale)('help.manage_workshops')] : [] }),
  };
}
