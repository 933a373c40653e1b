import { z } from 'zod';
import { DAY, HOUR, outboxKind } from '../outbox.js';

const about = z.object({ workshopId: z.string() });

/**
 * The messages the workshops feature queues; a reminder is news a pause holds back, the rest answer the person's own
 * act. A reminder late by more than hours is no reminder; a change or cancellation matters until it is past.
 */
export const workshopKinds = {
  reminder: outboxKind('workshop.reminder', about.extend({ when: z.enum(['day', 'hour']).optional() }), { respectsPause: true, expiresAfter: 6 * HOUR }),
  promoted: outboxKind('workshop.promoted', about, { respectsPause: false, expiresAfter: 2 * DAY }),
  changed: outboxKind('workshop.changed', about, { respectsPause: false, expiresAfter: 2 * DAY }),
  cancelled: outboxKind('workshop.cancelled', about, { respectsPause: false, expiresAfter: 2 * DAY }),
};

export type WorkshopPayload = z.infer<typeof about> & { when?: 'day' | 'hour' };
