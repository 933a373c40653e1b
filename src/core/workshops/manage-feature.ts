import type { Feature } from '../chat/feature.js';
import type { ManageWorkshopsService } from './manage-service.js';

/** HR: "workshops beheren" / "manage workshops". Every action checks the role again (buttons can be replayed). */
export function manageWorkshopsFeature(manage: ManageWorkshopsService): Feature {
  return {
    phrases: [
      { phrase: 'workshops beheren', command: 'manage-workshops' },
      { phrase: 'beheer workshops', command: 'manage-workshops' },
      { phrase: 'manage workshops', command: 'manage-workshops' },
    ],
    commands: { 'manage-workshops': async (actor) => ({ messages: [await manage.list(actor)] }) },
    actions: {
      'manage.page': async (actor, input) => ({ messages: [], update: await manage.list(actor, Math.max(0, Number(input.value) || 0)) }),
      'manage.participants': (actor, input) => manage.participants(actor, input.value),
      'manage.edit': (actor, input) => manage.editForm(actor, input.value),
      'manage.edit.submit': (actor, input) => manage.submitEdit(actor, input.value, input.form ?? {}),
      'manage.cancel': (actor, input) => manage.cancel(actor, input.value),
      'manage.attendance': (actor, input) => manage.attendanceForm(actor, input.value),
      'manage.attendance.submit': (actor, input) => manage.submitAttendance(actor, input.value, input.form ?? {}),
    },
  };
}
