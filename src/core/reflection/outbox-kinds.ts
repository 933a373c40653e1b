import { z } from 'zod';
import { outboxKind } from '../outbox.js';

/** Prompts are composed at delivery time from the current library; every one of them waits while a person pauses. */
export const promptKinds = {
  scheduled: outboxKind('prompt.scheduled', z.object({ slot: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }), { respectsPause: true }),
  followUp: outboxKind('prompt.follow-up', z.object({ signupId: z.string(), workshopId: z.string(), stage: z.enum(['1d', '1w', '3w']) }), {
    respectsPause: true,
  }),
  programme: outboxKind('prompt.programme', z.object({ enrolmentId: z.string(), position: z.number().int().min(1) }), { respectsPause: true }),
  snoozed: outboxKind('prompt.snoozed', z.object({ deliveryId: z.string() }), { respectsPause: true }),
};
