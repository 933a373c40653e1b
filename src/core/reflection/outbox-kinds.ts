import { z } from 'zod';
import { DAY, outboxKind } from '../outbox.js';

/**
 * Prompts are composed at delivery time from the current library; every one of them waits while a person pauses.
 * A question that comes days late is out of place: the next one is planned anyway.
 */
export const promptKinds = {
  scheduled: outboxKind('prompt.scheduled', z.object({ slot: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }), { respectsPause: true, expiresAfter: DAY }),
  followUp: outboxKind('prompt.follow-up', z.object({ signupId: z.string(), workshopId: z.string(), stage: z.enum(['1d', '1w', '3w']) }), {
    respectsPause: true,
    expiresAfter: 3 * DAY,
  }),
  programme: outboxKind('prompt.programme', z.object({ enrolmentId: z.string(), position: z.number().int().min(1) }), { respectsPause: true, expiresAfter: 3 * DAY }),
  snoozed: outboxKind('prompt.snoozed', z.object({ deliveryId: z.string() }), { respectsPause: true, expiresAfter: DAY }),
};
