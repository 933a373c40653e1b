import { z } from 'zod';
import { outboxKind } from '../outbox.js';

/** Nudges are news by nature: a pause or an opt-out holds every one of them back. */
export const nudgeKinds = {
  campaign: outboxKind(
    'nudge.campaign',
    z.looseObject({ campaignId: z.string(), variant: z.string().optional(), day: z.number().optional() }),
    { respectsPause: true },
  ),
  digest: outboxKind('nudge.digest', z.looseObject({ week: z.string() }), { respectsPause: true }),
};
