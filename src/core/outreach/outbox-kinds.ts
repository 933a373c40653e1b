import { z } from 'zod';
import { DAY, outboxKind } from '../outbox.js';

/**
 * A seat request for the team leader to confirm. Not held back by a pause: someone waits for the answer. After a
 * week it is no use (the request itself expires by then).
 */
export const outreachKinds = {
  seatRequest: outboxKind('outreach.seat_request', z.object({ requestId: z.string().uuid() }), { respectsPause: false, expiresAfter: 7 * DAY }),
};
