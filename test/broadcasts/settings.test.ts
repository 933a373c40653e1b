import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('broadcast and pacing settings', () => {
  it('default to the platforms’ published limits, without approval', () => {
    const c = loadConfig({});
    expect(c.broadcastApproval).toBe(false);
    expect(c.outbox).toMatchObject({ slackRatePerSecond: 10, slackChannelRatePerSecond: 1, slackEditRatePerSecond: 0.8, teamsRatePerSecond: 30, teamsConversationRatePerSecond: 7 });
    expect(loadConfig({ BROADCAST_APPROVAL: 'true' }).broadcastApproval).toBe(true);
    expect(loadConfig({ TEAMS_CONVERSATION_RATE_PER_SECOND: '2.5' }).outbox.teamsConversationRatePerSecond).toBe(2.5);
  });

  it.each([
    [{ BROADCAST_APPROVAL: 'sometimes' }, 'BROADCAST_APPROVAL'],
    [{ SLACK_CHANNEL_RATE_PER_SECOND: '0' }, 'SLACK_CHANNEL_RATE_PER_SECOND'],
    [{ TEAMS_CONVERSATION_RATE_PER_SECOND: 'fast' }, 'TEAMS_CONVERSATION_RATE_PER_SECOND'],
    [{ SLACK_RATE_PER_SECOND: '-1' }, 'SLACK_RATE_PER_SECOND'],
  ])('names the bad setting in %j', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid setting ${name}: `));
  });
});
