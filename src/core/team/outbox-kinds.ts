import { z } from 'zod';
import { HOUR, outboxKind } from '../outbox.js';

/**
 * The team leader's own messages: the weekly toolbox for the morning briefing (news: a pause holds it back; after
 * the morning it is stale), and the day-before list of who goes where (work planning: sent even when paused).
 */
export const teamKinds = {
  toolbox: outboxKind('team.toolbox', z.object({ day: z.string() }), { respectsPause: true, expiresAfter: 10 * HOUR }),
  tomorrow: outboxKind('team.tomorrow', z.object({ day: z.string() }), { respectsPause: false, expiresAfter: 16 * HOUR }),
};
