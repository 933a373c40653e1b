import { randomUUID } from 'node:crypto';
import { click, dmEvent, eventCallback, FORM, JSON_TYPE, slashCommand, type ShownButton } from '../../channels/slack/support/slack-requests.js';
import type { Random } from '../../support/fuzz.js';

/** One request to send: what it is, and whether an answer to a person must follow (and where to find it). */
export interface SlackCase {
  kind: string;
  body: string;
  contentType: string;
  sign: 'ok' | 'none' | 'wrong-secret' | 'stale' | 'future' | 'bad-timestamp' | 'tampered';
  /** Statuses that are right for this case; anything 5xx is always wrong. */
  expect: number[];
  /** Where the answer to a well-formed input shows up: a response_url id or a DM channel. */
  answerAt?: { responseId?: string; channel?: string };
}

const SIGN_FAILURES = ['none', 'wrong-secret', 'stale', 'future', 'bad-timestamp', 'tampered'] as const;

/** Each case gets its own Slack user, so every answer can be traced back to the request that caused it. */
const userFor = (n: number) => `UFZ${n.toString(36).toUpperCase()}`;

export function slackCase(r: Random, n: number, responseUrl: (id: string) => string, actionIds: string[]): SlackCase {
  const user = userFor(n);
  const roll = r.next();
  // Well-formed Slack envelopes around hostile text: the bot must answer each, with valid blocks.
  if (roll < 0.2) {
    return { kind: 'dm', body: eventCallback(dmEvent(user, r.text(r.pick([40, 400, 5000])))), contentType: JSON_TYPE, sign: 'ok', expect: [200], answerAt: { channel: `D${user}` } };
  }
  if (roll < 0.32) {
    const id = `fz${n}`;
    return { kind: 'command', body: slashCommand(user, r.text(300), responseUrl(id)), contentType: FORM, sign: 'ok', expect: [200], answerAt: { responseId: id } };
  }
  if (roll < 0.44) {
    // A click on any of the bot's buttons, with a value that was never shown (forged, replayed, garbage).
    const id = `fz${n}`;
    const value = r.pick([randomUUID(), r.text(80), JSON.stringify({ w: randomUUID(), q: r.text(20), o: r.int(-5, 500) }), `${randomUUID()}:${r.int(0, 9)}`, '']);
    const button: ShownButton = { action_id: r.pick(actionIds) + (r.bool(0.2) ? `~${r.int(2, 9)}` : ''), value, text: { text: 'x' } };
    const body = click(user, button, { kind: 'ephemeral', channel: 'C0GENERAL', responseUrl: responseUrl(id) });
    return { kind: 'click', body, contentType: FORM, sign: 'ok', expect: [200], answerAt: { responseId: id } };
  }
  // Signed but malformed: mutated envelopes and plain garbage. Acknowledged or refused, never a crash.
  if (roll < 0.62) {
    const valid = r.pick([
      () => JSON.parse(eventCallback(dmEvent(user, 'help'))) as unknown,
      () => JSON.parse(new URLSearchParams(click(user, { action_id: 'nav.help', value: '', text: { text: 'x' } }, { kind: 'dm', channel: `D${user}`, ts: '1.1' })).get('payload')!) as unknown,
      () => ({ type: 'view_submission', user: { id: user }, view: { callback_id: 'vw.form', private_metadata: '{"form":"goal.add"}', state: { values: {} } } }),
      () => ({ type: 'url_verification', challenge: r.text(20) }),
    ])();
    const mutated = r.mutate(valid);
    const asForm = r.bool(0.4);
    const body = asForm ? new URLSearchParams({ payload: JSON.stringify(mutated) }).toString() : JSON.stringify(mutated);
    return { kind: 'mutated', body, contentType: asForm ? FORM : JSON_TYPE, sign: 'ok', expect: [200, 400] };
  }
  if (roll < 0.7) {
    const fields = Object.fromEntries(Array.from({ length: r.int(0, 6) }, () => [r.pick(['command', 'text', 'user_id', 'team_id', 'payload', 'ssl_check', 'response_url']), r.text(50)]));
    return { kind: 'form-garbage', body: new URLSearchParams(fields).toString(), contentType: FORM, sign: 'ok', expect: [200, 400] };
  }
  if (roll < 0.76) {
    const body = r.bytes(2000).toString('latin1');
    return { kind: 'bytes', body, contentType: r.pick([JSON_TYPE, FORM, 'text/plain', 'application/xml']), sign: 'ok', expect: [200, 400] };
  }
  if (roll < 0.79) {
    // Larger than the server reads (1 MB): refused before anything else, signed or not.
    const body = JSON.stringify({ type: 'event_callback', event: { type: 'message', text: 'x'.repeat(1024 * 1024 + r.int(1, 1000)) } });
    return { kind: 'oversized', body, contentType: JSON_TYPE, sign: r.pick(['ok', 'none']), expect: [413] };
  }
  // Not from Slack: no, wrong or replayed signatures, on otherwise valid requests.
  const body = r.bool() ? eventCallback(dmEvent(user, r.text(50))) : slashCommand(user, 'help', responseUrl(`x${n}`));
  return { kind: 'mis-signed', body, contentType: body.startsWith('{') ? JSON_TYPE : FORM, sign: r.pick(SIGN_FAILURES), expect: [401] };
}
