import { z } from 'zod';
import { DAY, outboxKind } from '../outbox.js';

/** Nudges are news by nature: a pause or an opt-out holds every one of them back, and a day late they are stale. */
export const nudgeKinds = {
  campaign: outboxKind(
    'nudge.campaign',
    z.looseObject({ campaignId: z.string(), variant: z.string().optional(), day: z.number().optional() }),
    { respectsPause: true, expiresAfter: DAY },
  ),
  digest: outboxKind('nudge.digest', z.looseObject({ week: z.string() }), { respectsPause: true, expiresAfter: 2 * DAY }),
};
