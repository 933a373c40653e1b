import { describe, expect, it } from 'vitest';
import { configFails } from './support/config.js';
import { loadConfig } from '../src/config.js';

const fails = configFails;

describe('config', () => {
  it('has the contract defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3978);
    expect(c.dataDir).toMatch(/data$/);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.timezone).toBe('Europe/Amsterdam');
    expect(c.defaultLocale).toBe('nl');
    expect(c.adminUsers).toEqual([]);
    expect(c.slack).toBeUndefined();
    expect(c.teamsEnabled).toBe(false);
    expect(c.slackApiUrl).toBe('https://slack.com/api/');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ VLIEGWIEL_TIMEZONE: 'Mars/Olympus' }, 'VLIEGWIEL_TIMEZONE'],
    [{ DEFAULT_LOCALE: 'de' }, 'DEFAULT_LOCALE'],
    [{ ADMIN_USERS: 'U123' }, 'ADMIN_USERS'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
    [{ SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'xoxb-nope' }, 'SLACK_APP_TOKEN'],
    [{ SLACK_API_URL: 'not a url' }, 'SLACK_API_URL'],
    [{ TEAMS_INSECURE_DEV: 'maybe' }, 'TEAMS_INSECURE_DEV'],
    [{ MICROSOFT_APP_ID: 'id' }, 'MICROSOFT_APP_PASSWORD'],
    [{ MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'p', MICROSOFT_APP_TYPE: 'SingleTenant' }, 'MICROSOFT_APP_TENANT_ID'],
    [{ MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'p', TEAMS_INSECURE_DEV: 'true' }, 'TEAMS_INSECURE_DEV'],
    [{ MICROSOFT_APP_TYPE: 'Whatever' }, 'MICROSOFT_APP_TYPE'],
    [{ MICROSOFT_OPENID_METADATA_URL: '::' }, 'MICROSOFT_OPENID_METADATA_URL'],
  ])('names the bad setting in %j', (env, name) => {
    const msg = fails(env);
    expect(msg).toContain(name);
    expect(msg.split('\n')).toHaveLength(1);
  });

  it('reads Slack HTTP vs Socket Mode, admin users and Teams dev mode', () => {
    const http = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(http.slack?.mode).toBe('http');
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'xapp-1' });
    expect(socket.slack?.mode).toBe('socket');
    expect(loadConfig({ ADMIN_USERS: ' slack:U1 , teams:abc ' }).adminUsers).toEqual(['slack:U1', 'teams:abc']);
    expect(loadConfig({ TEAMS_INSECURE_DEV: 'true' }).teamsEnabled).toBe(true);
    const teams = loadConfig({ MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'p', MICROSOFT_APP_TENANT_ID: 't' });
    expect(teams.teams.appType).toBe('SingleTenant');
  });
});
