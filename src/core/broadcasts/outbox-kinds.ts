import { z } from 'zod';
import { DAY, HOUR, outboxKind } from '../outbox.js';

// Rows of a broadcast may also carry `edit` (how to change a message delivered earlier): the worker reads that.
const about = z.looseObject({ broadcastId: z.string() });

/**
 * A broadcast's messages. Only the message itself is news a pause holds back: its author's progress, an
 * approver's request and a recall notice are not. A progress step is worth nothing an hour later; a decision names
 * the approver (`by`).
 */
export const broadcastKinds = {
  message: outboxKind('broadcast.message', about, { respectsPause: true, expiresAfter: 2 * DAY }),
  recall: outboxKind('broadcast.recall', about, { respectsPause: false, expiresAfter: 7 * DAY }),
  progress: outboxKind('broadcast.progress', about, { respectsPause: false, expiresAfter: HOUR }),
  summary: outboxKind('broadcast.summary', about, { respectsPause: false, expiresAfter: 7 * DAY }),
  approval: outboxKind('broadcast.approval', about, { respectsPause: false, expiresAfter: 7 * DAY }),
  decision: outboxKind('broadcast.decision', about.extend({ approved: z.boolean(), by: z.string() }), {
    respectsPause: false,
    expiresAfter: 7 * DAY,
    mentions: { by: 'person' },
  }),
};
