import { z } from 'zod';
import { outboxKind } from '../outbox.js';

const klus = z.object({ klusId: z.string() });
const interest = z.object({ interestId: z.string() });

/**
 * The Klussenbank's messages. Payloads carry ids only: the text is composed at delivery from the rows as they are
 * then. Only "past bij jou" is news a pause holds back; the rest answer something the person or their manager did.
 */
export const klusKinds = {
  match: outboxKind('klus.match', klus, { respectsPause: true }),
  announce: outboxKind('klus.announce', klus.extend({ channel: z.string() }), { respectsPause: false }),
  expired: outboxKind('klus.expired', klus, { respectsPause: false }),
  skillsConfirmed: outboxKind('klus.skills-confirmed', klus.extend({ skills: z.array(z.string()) }), { respectsPause: false }),
  candidate: outboxKind('klus.candidate', interest, { respectsPause: false }),
  releaseRequest: outboxKind('klus.release-request', interest, { respectsPause: false }),
  releaseDecision: outboxKind('klus.release-decision', interest.extend({ approved: z.boolean(), to: z.enum(['candidate', 'owner']) }), {
    respectsPause: false,
  }),
  decision: outboxKind('klus.decision', interest.extend({ decision: z.string() }), { respectsPause: false }),
  withdrawn: outboxKind('klus.withdrawn', interest, { respectsPause: false }),
};
