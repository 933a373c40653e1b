import { z } from 'zod';
import { outboxKind } from '../outbox.js';

// Rows of a broadcast may also carry `edit` (how to change a message delivered earlier): the worker reads that.
const about = z.looseObject({ broadcastId: z.string() });

/**
 * A broadcast's messages. Only the message itself is news a pause holds back: its author's progress, an
 * approver's request and a recall notice are not.
 */
export const broadcastKinds = {
  message: outboxKind('broadcast.message', about, { respectsPause: true }),
  recall: outboxKind('broadcast.recall', about, { respectsPause: false }),
  progress: outboxKind('broadcast.progress', about, { respectsPause: false }),
  summary: outboxKind('broadcast.summary', about, { respectsPause: false }),
  approval: outboxKind('broadcast.approval', about, { respectsPause: false }),
  decision: outboxKind('broadcast.decision', about.extend({ approved: z.boolean(), by: z.string() }), { respectsPause: false }),
};
