import { describe, expect, it } from 'vitest';
import { eventually } from './support/fake-slack.js';
import { startHarness, KEES, PRIYA } from './support/harness.js';
import { dmEvent, eventCallback } from './support/slack-requests.js';

describe('Socket Mode', () => {
  it('connects with the app token, answers a command and a DM, acks each envelope, and stops cleanly', async () => {
    const h = await startHarness('socket');
    try {
      // No /slack/events route in Socket Mode: Slack reaches us over the WebSocket.
      expect(h.channel.routes).toEqual([]);
      const open = h.fake.callsTo('apps.connections.open')[0];
      expect(open?.token).toBe('xapp-test');

      const command = {
        token: 'legacy', team_id: 'T1', team_domain: 'fake', channel_id: 'C0GENERAL', channel_name: 'general', user_id: PRIYA.id,
        user_name: 'priya', command: '/vliegwiel', text: 'help', api_app_id: 'A1', response_url: h.fake.responseUrl('sock1'), trigger_id: 'trig.sock',
      };
      expect(h.fake.push('slash_commands', command, 'env-1')).toBe(1);
      await eventually(() => h.fake.socketAcks.find((a) => a.envelope_id === 'env-1'));
      const answer = await eventually(() => h.fake.responses.find((r) => r.id === 'sock1'));
      expect(JSON.stringify(answer.body.blocks)).toContain('What can Vliegwiel do for you?');

      h.fake.push('events_api', JSON.parse(eventCallback(dmEvent(KEES.id, 'hulp'), 'EvSOCK1')), 'env-2');
      const post = await eventually(() => h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === `D${KEES.id}`));
      expect(JSON.stringify(post.args.blocks)).toContain('Wat kan Vliegwiel voor je doen?');
      await eventually(() => h.fake.socketAcks.find((a) => a.envelope_id === 'env-2'));

      // A redelivered envelope of the same event is acked again but not processed again.
      h.fake.push('events_api', JSON.parse(eventCallback(dmEvent(KEES.id, 'hulp'), 'EvSOCK1')), 'env-3');
      await eventually(() => h.fake.socketAcks.find((a) => a.envelope_id === 'env-3'));
      await new Promise((r) => setTimeout(r, 300));
      expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === `D${KEES.id}`)).toHaveLength(1);
    } finally {
      const started = Date.now();
      await h.close();
      // The close handshake completes; nothing waits for the SDK's 30-second timeout.
      expect(Date.now() - started).toBeLessThan(5000);
    }
  });
});
