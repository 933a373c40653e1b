import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../../src/config.js';
import { TeamsCloudAdapter } from '../../../src/channels/teams/adapter.js';
import { createAuthentication } from '../../../src/channels/teams/auth/authentication.js';
import { createLogger } from '../../../src/logger.js';
import { FakeConnector } from './support/fake-connector.js';

const insecure: Config['teams'] = {
  appId: undefined,
  appPassword: undefined,
  tenantId: undefined,
  appType: 'MultiTenant',
  insecureDev: true,
  openIdMetadataUrl: undefined,
  loginUrl: undefined,
};

/** The reply budget is a middleware of the SDK's HTTP client: a short, bounded retry for answers in a turn. */
describe('Teams replies: bounded retries through the SDK client', () => {
  let fake: FakeConnector;
  const budgets = { reply: { retries: 2, maxWaitMs: 500, timeoutMs: 2000 }, proactive: { retries: 0, maxWaitMs: 0, timeoutMs: 2000 } };
  let adapter: TeamsCloudAdapter;
  const post = () => adapter.connector(fake.serviceUrl, 'reply').conversations.activities('a:1').create({ type: 'message', text: 'hoi' } as never);
  const posts = () => fake.calls.filter((c) => c.method === 'POST' && c.path.includes('/activities'));

  beforeAll(async () => {
    fake = await FakeConnector.start();
    adapter = new TeamsCloudAdapter(createAuthentication(insecure), createLogger('silent'), budgets);
  });
  afterAll(async () => fake?.stop());
  beforeEach(() => fake.clear());

  it('waits out a short Retry-After and a 502, then delivers', async () => {
    fake.failNext(/\/activities/, { status: 429, headers: { 'retry-after': '0.1' } });
    fake.failNext(/\/activities/, { status: 502 });
    await expect(post()).resolves.toMatchObject({ id: expect.any(String) });
    expect(posts()).toHaveLength(3);
  });

  it('gives up after its retries, and at once on a Retry-After longer than it may wait', async () => {
    fake.failNext(/\/activities/, { status: 504 }, 3);
    await expect(post()).rejects.toMatchObject({ response: { status: 504 } });
    expect(posts()).toHaveLength(3);
    fake.clear();
    fake.failNext(/\/activities/, { status: 429, headers: { 'retry-after': '30' } });
    await expect(post()).rejects.toMatchObject({ response: { status: 429 } });
    expect(posts()).toHaveLength(1);
  });

  it('does not retry a 403 (the user removed the app)', async () => {
    fake.failNext(/\/activities/, { status: 403 });
    await expect(post()).rejects.toMatchObject({ response: { status: 403 } });
    expect(posts()).toHaveLength(1);
  });

  it('does not retry proactive sends at all: the outbox decides', async () => {
    fake.failNext(/\/activities/, { status: 502 });
    await expect(adapter.connector(fake.serviceUrl).conversations.activities('a:1').create({ type: 'message', text: 'hoi' } as never)).rejects.toBeTruthy();
    expect(posts()).toHaveLength(1);
  });
});
