import { z } from 'zod';
import { DAY, outboxKind } from '../outbox.js';

const klus = z.object({ klusId: z.string() });
const interest = z.object({ interestId: z.string() });

/** Every message about a hand raised names its candidate: erasing or leaving withdraws it. */
const aboutCandidate = { interestId: 'klusInterest' } as const;

/**
 * The Klussenbank's messages. Payloads carry ids only: the text is composed at delivery from the rows as they are
 * then. Only "past bij jou" is news a pause holds back; the rest answer something the person or their manager did.
 * A tip or an announcement is stale after two days; an answer to someone's act still matters for a week.
 */
export const klusKinds = {
  match: outboxKind('klus.match', klus, { respectsPause: true, expiresAfter: 2 * DAY }),
  announce: outboxKind('klus.announce', klus.extend({ channel: z.string() }), { respectsPause: false, expiresAfter: 2 * DAY }),
  expired: outboxKind('klus.expired', klus, { respectsPause: false, expiresAfter: 3 * DAY }),
  skillsConfirmed: outboxKind('klus.skills-confirmed', klus.extend({ skills: z.array(z.string()) }), { respectsPause: false, expiresAfter: 7 * DAY }),
  candidate: outboxKind('klus.candidate', interest, { respectsPause: false, expiresAfter: 7 * DAY, mentions: aboutCandidate }),
  releaseRequest: outboxKind('klus.release-request', interest, { respectsPause: false, expiresAfter: 7 * DAY, mentions: aboutCandidate }),
  releaseDecision: outboxKind('klus.release-decision', interest.extend({ approved: z.boolean(), to: z.enum(['candidate', 'owner']) }), {
    respectsPause: false,
    expiresAfter: 7 * DAY,
    mentions: aboutCandidate,
  }),
  decision: outboxKind('klus.decision', interest.extend({ decision: z.string() }), { respectsPause: false, expiresAfter: 7 * DAY, mentions: aboutCandidate }),
  withdrawn: outboxKind('klus.withdrawn', interest, { respectsPause: false, expiresAfter: 3 * DAY, mentions: aboutCandidate }),
};
