import { z } from 'zod';
import { outboxKind } from '../outbox.js';

const about = z.object({ workshopId: z.string() });

/** The messages the workshops feature queues; a reminder is news a pause holds back, the rest answer the person's own act. */
export const workshopKinds = {
  reminder: outboxKind('workshop.reminder', about.extend({ when: z.enum(['day', 'hour']).optional() }), { respectsPause: true }),
  promoted: outboxKind('workshop.promoted', about, { respectsPause: false }),
  changed: outboxKind('workshop.changed', about, { respectsPause: false }),
  cancelled: outboxKind('workshop.cancelled', about, { respectsPause: false }),
};

export type WorkshopPayload = z.infer<typeof about> & { when?: 'day' | 'hour' };
