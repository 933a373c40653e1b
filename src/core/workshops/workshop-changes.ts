import type { OutboxDraft } from '../outbox.js';
import { workshopKinds } from './outbox-kinds.js';
import { reminderDrafts } from './reminders.js';
import type { Workshop } from './workshop.js';

export interface ChangePlan {
  /** Confirmed people whose reminders must be re-timed (the time changed). */
  retimeReminders: boolean;
  /** Everyone signed up or waiting hears about it. */
  notify: 'workshop.changed' | 'workshop.cancelled' | null;
}

/** What a change to a workshop means for the people signed up. Pure: the repository carries it out. */
export function planChange(before: Workshop, after: Workshop): ChangePlan {
  if (after.cancelled && !before.cancelled) return { retimeReminders: false, notify: 'workshop.cancelled' };
  const timeChanged = before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime();
  const placeChanged = before.location !== after.location || before.onlineUrl !== after.onlineUrl;
  const titleChanged = before.title !== after.title;
  return { retimeReminders: timeChanged, notify: timeChanged || placeChanged || titleChanged ? 'workshop.changed' : null };
}

export const changeDrafts = (w: Workshop, kind: 'workshop.changed' | 'workshop.cancelled', personIds: string[], version: number): OutboxDraft[] =>
  personIds.map((personId) =>
    (kind === 'workshop.changed' ? workshopKinds.changed : workshopKinds.cancelled).draft({
      idempotencyKey: `${kind}:${w.id}:${version}:${personId}`,
      personId,
      payload: { workshopId: w.id },
    }),
  );

export { reminderDrafts };
