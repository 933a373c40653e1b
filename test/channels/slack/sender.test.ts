import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackSender } from '../../../src/channels/slack/sender.js';
import type { Message } from '../../../src/core/messages.js';
import type { DeliveryTarget } from '../../../src/core/ports.js';
import { createLogger } from '../../../src/logger.js';
import { FakeSlack } from './support/fake-slack.js';
import { buttonsIn } from './support/slack-requests.js';

let fake: FakeSlack;
let sender: SlackSender;
beforeAll(async () => {
  fake = await new FakeSlack().start();
  sender = new SlackSender({ botToken: 'xoxb-test', apiUrl: fake.apiUrl, logger: createLogger('silent') });
});
afterAll(async () => {
  await fake.stop();
});

const target = (userId: string, conversationRef: unknown = null): DeliveryTarget => ({ platform: 'SLACK', tenantId: 'T1', userId, conversationRef });
const reminder: Message = {
  text: 'Morgen is je workshop “Grip op stress”',
  blocks: [
    { type: 'text', text: 'Morgen is je workshop “Grip op stress”: di 16 mrt 09:30–11:30, Online.' },
    { type: 'actions', buttons: [{ action: 'link.calendar', value: 'w1', label: 'Zet in je agenda', url: 'https://vliegwiel.example/calendar/x.ics' }] },
  ],
};

describe('SlackSender (against the fake Web API)', () => {
  it('opens the DM and posts the message with its blocks', async () => {
    const result = await sender.send(target('U1'), reminder, 'k1');
    expect(result).toEqual({ ok: true, ref: { channel: 'DU1', ts: expect.any(String) } });
    const [open] = fake.callsTo('conversations.open');
    expect(open).toMatchObject({ args: { users: 'U1' }, token: 'xoxb-test' });
    const post = fake.callsTo('chat.postMessage').at(-1)!;
    expect(post.args).toMatchObject({ channel: 'DU1', text: reminder.text });
    expect(buttonsIn(post.args.blocks)[0]).toMatchObject({ url: 'https://vliegwiel.example/calendar/x.ics' });
  });

  it('uses a stored DM channel, and opens the DM again when it is gone', async () => {
    const opens = fake.callsTo('conversations.open').length;
    expect(await sender.send(target('U2', { channel: 'DSTORED' }), reminder, 'k2')).toMatchObject({ ok: true, ref: { channel: 'DSTORED' } });
    expect(fake.callsTo('conversations.open').length).toBe(opens);
    fake.failOnce('chat.postMessage', 'channel_not_found');
    expect(await sender.send(target('U2', { channel: 'DOLD' }), reminder, 'k3')).toMatchObject({ ok: true, ref: { channel: 'DU2' } });
  });

  it('turns 429 + Retry-After into a retry of this message at that time, without waiting or pausing the client', async () => {
    fake.throttle('chat.postMessage', 30);
    const started = Date.now();
    const result = await sender.send(target('U3'), reminder, 'k4');
    expect(result).toEqual({ ok: false, kind: 'retry', reason: 'slack:rate_limited', retryAfterMs: 30_000 });
    expect(Date.now() - started).toBeLessThan(2000);
    // The next message goes out at once: the client is not paused for 30 s.
    const next = Date.now();
    expect(await sender.send(target('U4'), reminder, 'k5')).toMatchObject({ ok: true });
    expect(Date.now() - next).toBeLessThan(2000);
  });

  it('treats a 429 without Retry-After as a retry too', async () => {
    fake.throttle('chat.postMessage', null);
    expect(await sender.send(target('U5'), reminder, 'k6')).toMatchObject({ ok: false, kind: 'retry' });
  });

  it.each([
    ['user_disabled', true],
    ['user_not_found', true],
    ['cannot_dm_bot', true],
    ['account_inactive', true],
    ['token_revoked', true],
    ['app_uninstalled', true],
  ])('reports %s as permanent (unreachable: %s)', async (error, unreachable) => {
    fake.failOnce('conversations.open', error);
    expect(await sender.send(target('U6'), reminder, `k-${error}`)).toEqual({ ok: false, kind: 'permanent', reason: `slack:${error}`, unreachable });
  });

  it('keeps a wrong token or a bad message permanent without blaming the person', async () => {
    fake.failOnce('chat.postMessage', 'invalid_auth');
    expect(await sender.send(target('U7'), reminder, 'k7')).toEqual({ ok: false, kind: 'permanent', reason: 'slack:invalid_auth' });
    fake.failOnce('chat.postMessage', 'invalid_blocks');
    expect(await sender.send(target('U7'), reminder, 'k8')).toEqual({ ok: false, kind: 'permanent', reason: 'slack:invalid_blocks' });
  });

  it('retries Slack outages and network failures', async () => {
    fake.on('chat.postMessage', (c) => (c.args.channel === 'DU8' ? { status: 503, body: 'unavailable' } : undefined));
    expect(await sender.send(target('U8'), reminder, 'k9')).toMatchObject({ ok: false, kind: 'retry', reason: 'slack:http_503' });
    fake.failOnce('chat.postMessage', 'internal_error');
    expect(await sender.send(target('U9'), reminder, 'k10')).toMatchObject({ ok: false, kind: 'retry' });
    const offline = new SlackSender({ botToken: 'xoxb-test', apiUrl: 'http://127.0.0.1:9/api/', logger: createLogger('silent'), timeoutMs: 2000 });
    expect(await offline.send(target('U10'), reminder, 'k11')).toMatchObject({ ok: false, kind: 'retry' });
  });

  it('sends an over-long proactive message as one Slack message of at most 50 blocks', async () => {
    const long: Message = { text: 'Veel', blocks: Array.from({ length: 80 }, (_, i) => ({ type: 'text' as const, text: `regel ${i}` })) };
    const before = fake.callsTo('chat.postMessage').length;
    expect(await sender.send(target('U11'), long, 'k12')).toMatchObject({ ok: true });
    const posts = fake.callsTo('chat.postMessage').slice(before);
    expect(posts).toHaveLength(1);
    expect((posts[0]!.args.blocks as unknown[]).length).toBeLessThanOrEqual(50);
  });

  it('updates a message in place and deletes it for a recall; a message already gone counts as removed', async () => {
    const sent = await sender.send(target('U9'), reminder, 'k-edit');
    expect(sent.ok).toBe(true);
    const ref = (sent as { ref: { channel: string; ts: string } }).ref;
    const progress: Message = { text: 'Verstuurd: 10 van 20', blocks: [{ type: 'text', text: 'Verstuurd: 10 van 20 ▓▓▓▓▓░░░░░' }] };
    expect(await sender.update!(target('U9'), ref, progress)).toEqual({ ok: true, ref });
    expect(fake.callsTo('chat.update').at(-1)!.args).toMatchObject({ channel: ref.channel, ts: ref.ts, text: progress.text });
    expect(await sender.remove!(target('U9'), ref)).toEqual({ ok: true, ref });
    expect(fake.callsTo('chat.delete').at(-1)!.args).toMatchObject({ channel: ref.channel, ts: ref.ts });
    fake.failOnce('chat.delete', 'message_not_found');
    expect(await sender.remove!(target('U9'), ref)).toEqual({ ok: true, ref });
    fake.failOnce('chat.update', 'cant_update_message');
    expect(await sender.update!(target('U9'), ref, progress)).toEqual({ ok: false, kind: 'permanent', reason: 'slack:cant_update_message' });
    expect(await sender.update!(target('U9'), { nothing: true }, progress)).toMatchObject({ ok: false, kind: 'permanent' });
  });
});
