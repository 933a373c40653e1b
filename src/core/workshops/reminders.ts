import type { OutboxDraft } from '../outbox.js';
import { workshopKinds } from './outbox-kinds.js';
import type { Workshop } from './workshop.js';

const DAY = 24 * 60 * 60 * 1000;

/** Reminders go out the day before and, for online sessions, one hour before. */
export function reminderDrafts(w: Workshop, personId: string, signupKey: string, now: Date): OutboxDraft[] {
  const drafts: OutboxDraft[] = [];
  const dayBefore = new Date(w.startsAt.getTime() - DAY);
  if (dayBefore > now) {
    drafts.push(
      workshopKinds.reminder.draft({ idempotencyKey: `workshop-reminder:${signupKey}:day`, personId, payload: { workshopId: w.id, when: 'day' }, notBefore: dayBefore }),
    );
  }
  const hourBefore = new Date(w.startsAt.getTime() - DAY / 24);
  if (w.onlineUrl && hourBefore > now) {
    drafts.push(
      workshopKinds.reminder.draft({ idempotencyKey: `workshop-reminder:${signupKey}:hour`, personId, payload: { workshopId: w.id, when: 'hour' }, notBefore: hourBefore }),
    );
  }
  return drafts;
}

/** What a freed seat sends the person promoted from the waitlist: the news, and their reminders. */
export const promotionDrafts =
  (now: Date) =>
  (w: Workshop, personId: string): OutboxDraft[] => [
    workshopKinds.promoted.draft({ idempotencyKey: `workshop-promoted:${w.id}:${personId}:${now.getTime()}`, personId, payload: { workshopId: w.id } }),
    ...reminderDrafts(w, personId, `${w.id}:${personId}`, now),
  ];
