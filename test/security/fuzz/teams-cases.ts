import { randomUUID } from 'node:crypto';
import { aTeamsUser, invokeActivity, messageActivity, type TeamsUser } from '../../channels/teams/support/activities.js';
import type { Random } from '../../support/fuzz.js';

/** Tokens the test minted up front: one valid, the rest each wrong in one way. */
export interface Tokens {
  valid: string;
  bad: string[];
}

export interface TeamsCase {
  kind: string;
  body: string;
  token: string | undefined;
  expect: number[];
  /** A well-formed message: the bot must post an answer into this user's conversation. */
  user?: TeamsUser;
  /** An Action.Execute click: the bot must answer with a valid card in the invoke response. */
  invoke?: boolean;
}

/** Cases for POST /api/messages with authentication on (an app id is set). */
export function teamsCase(r: Random, serviceUrl: string, tokens: Tokens, verbs: string[]): TeamsCase {
  const user = aTeamsUser({ name: r.text(60) || 'x', locale: r.pick(['nl-NL', 'en-US', 'ar-SA', r.text(8)]) });
  const roll = r.next();
  if (roll < 0.25) {
    return { kind: 'message', body: JSON.stringify(messageActivity(serviceUrl, user, r.text(r.pick([40, 400, 4000])))), token: tokens.valid, expect: [200], user };
  }
  if (roll < 0.45) {
    const value = r.pick([randomUUID(), r.text(80), JSON.stringify({ w: randomUUID(), q: r.text(20), o: r.int(0, 99) }), '']);
    const data = r.bool(0.8) ? { value, ...(r.bool(0.3) ? { [r.pick(['title', 'answer', 'goal', 'skills', 'motivation'])]: r.text(300) } : {}) } : r.json(2);
    const verb = r.bool(0.9) ? r.pick(verbs) : r.text(30);
    return { kind: 'invoke', body: JSON.stringify(invokeActivity(serviceUrl, user, verb, data as Record<string, unknown>)), token: tokens.valid, expect: [200], invoke: true };
  }
  if (roll < 0.65) {
    // Authenticated, but the activity is mangled: refused (400), answered (200), or, when the service URL no
    // longer matches the token's, unauthenticated (401). Never a crash.
    const valid = r.bool() ? messageActivity(serviceUrl, user, 'help') : invokeActivity(serviceUrl, user, r.pick(verbs), { value: '' });
    return { kind: 'mutated', body: JSON.stringify(r.mutate(valid)), token: tokens.valid, expect: [200, 400, 401] };
  }
  if (roll < 0.72) {
    return { kind: 'bytes', body: r.bytes(1500).toString('latin1'), token: tokens.valid, expect: [400] };
  }
  if (roll < 0.75) {
    return { kind: 'oversized', body: JSON.stringify({ ...messageActivity(serviceUrl, user, 'x'.repeat(1024 * 1024 + 10)) }), token: r.pick([tokens.valid, undefined]), expect: [401, 413] };
  }
  // Not from the Bot Connector: no token, a malformed one, or one signed, addressed or timed wrongly.
  const token = r.pick([undefined, 'garbage', `${tokens.valid.slice(0, -4)}AAAA`, ...tokens.bad]);
  return { kind: 'mis-authenticated', body: JSON.stringify(messageActivity(serviceUrl, user, r.text(40))), token, expect: [401] };
}
