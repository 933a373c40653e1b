import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../../src/config.js';
import type { Message } from '../../../src/core/messages.js';
import type { DeliveryTarget } from '../../../src/core/ports.js';
import { TeamsCloudAdapter } from '../../../src/channels/teams/adapter.js';
import { createAuthentication } from '../../../src/channels/teams/auth/authentication.js';
import { TeamsSender } from '../../../src/channels/teams/sender.js';
import { createLogger } from '../../../src/logger.js';
import { aTeamsUser, BOT_ID } from './support/activities.js';
import { cardProblems, cardsOf, cardText } from './support/cards.js';
import { FakeConnector } from './support/fake-connector.js';

const logger = createLogger('silent');

const insecure: Config['teams'] = {
  appId: undefined,
  appPassword: undefined,
  tenantId: undefined,
  appType: 'MultiTenant',
  insecureDev: true,
  openIdMetadataUrl: undefined,
  loginUrl: undefined,
};

const reminder: Message = {
  text: 'Morgen is je workshop “Excel”.',
  blocks: [
    { type: 'text', text: 'Morgen is je workshop “Excel”.' },
    { type: 'actions', buttons: [{ action: 'link.calendar', value: 'w1', label: 'Zet in je agenda', url: 'https://example.org/c.ics' }] },
  ],
};

describe('TeamsSender against a fake Bot Connector', () => {
  let fake: FakeConnector;
  let sender: TeamsSender;
  const user = aTeamsUser();

  /** A delivery target as the outbox has it: the conversation reference stored at the user's last contact. */
  const stored = (): DeliveryTarget => ({
    platform: 'TEAMS',
    tenantId: user.tenantId,
    userId: user.aadObjectId,
    serviceUrl: fake.serviceUrl,
    conversationRef: {
      activityId: '1699',
      user: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      bot: { id: BOT_ID, name: 'Vliegwiel' },
      conversation: { id: user.conversationId, conversationType: 'personal', tenantId: user.tenantId },
      channelId: 'msteams',
      locale: 'nl-NL',
      serviceUrl: fake.serviceUrl,
    },
  });

  beforeAll(async () => {
    fake = await FakeConnector.start();
    sender = new TeamsSender(new TeamsCloudAdapter(createAuthentication(insecure), logger), { appId: '', logger });
  });
  afterAll(async () => fake?.stop());
  beforeEach(() => fake.clear());

  const sends = () => fake.calls.filter((c) => c.method === 'POST' && c.path.includes('/activities'));

  it('sends a card with the stored reference', async () => {
    expect(await sender.send(stored(), reminder, 'k1')).toMatchObject({ ok: true, ref: { deliveredActivityId: expect.any(String) } });
    const [sent] = fake.activities();
    expect(sent!.conversationId).toBe(user.conversationId);
    const card = cardsOf(sent!.activity)[0];
    expect(cardText(card)).toContain('Morgen is je workshop');
    expect(cardProblems(card)).toEqual([]);
    expect(sent!.activity.summary).toBe(reminder.text);
  });

  it.each([
    ['429 with Retry-After', 429, { 'retry-after': '7' }, 7000],
    ['429 without Retry-After', 429, {}, undefined],
    ['412 precondition failed', 412, {}, undefined],
    ['502 bad gateway', 502, {}, undefined],
    ['504 gateway timeout', 504, {}, undefined],
  ])('turns %s into a retry of that one message, without retrying inside the SDK', async (_name, status, headers, after) => {
    fake.failNext(/\/activities/, { status, headers, body: { error: { code: 'Throttled', message: 'slow down' } } });
    const result = await sender.send(stored(), reminder, 'k2');
    expect(result).toMatchObject({ ok: false, kind: 'retry' });
    expect(result.ok === false && result.kind === 'retry' ? result.retryAfterMs : 'n/a').toBe(after);
    expect(sends()).toHaveLength(1);
  });

  it.each([
    [403, 'ConversationBlockedByUser'],
    [404, 'ConversationNotFound'],
  ])('marks the person unreachable on %i %s (the user removed the app)', async (status, code) => {
    fake.failNext(/\/activities/, { status, body: { error: { code, message: 'gone' } } });
    const result = await sender.send(stored(), reminder, 'k3');
    expect(result).toMatchObject({ ok: false, kind: 'permanent', unreachable: true });
    expect(result.ok ? '' : result.reason).toContain(code);
  });

  it('gives up on a 400 without marking the person unreachable', async () => {
    fake.failNext(/\/activities/, { status: 400, body: { error: { code: 'BadSyntax', message: 'bad' } } });
    const result = await sender.send(stored(), reminder, 'k4');
    expect(result).toMatchObject({ ok: false, kind: 'permanent' });
    expect(result.ok === false && result.kind === 'permanent' ? result.unreachable : true).toBeFalsy();
  });

  it('opens the 1:1 chat when no reference is stored, sends in it, and returns the new reference', async () => {
    const target: DeliveryTarget = { platform: 'TEAMS', tenantId: user.tenantId, userId: user.aadObjectId, serviceUrl: fake.serviceUrl, conversationRef: null };
    const result = await sender.send(target, { text: 'Hallo', blocks: [{ type: 'text', text: 'Hallo' }] }, 'k5');
    expect(result.ok).toBe(true);
    const create = fake.calls.find((c) => c.method === 'POST' && c.path === '/v3/conversations');
    expect(create?.body).toMatchObject({ isGroup: false, tenantId: user.tenantId, members: [{ id: user.aadObjectId }] });
    const [sent] = fake.activities();
    expect(sent!.conversationId).toMatch(/^a:created-/);
    expect(sent!.activity.text).toBe('Hallo');
    const ref = result.ok ? (result.ref as { conversation: { id: string } }) : undefined;
    expect(ref?.conversation.id).toBe(sent!.conversationId);
  });

  it('reports a failed chat creation (app not installed) as unreachable', async () => {
    fake.failNext(/^\/v3\/conversations$/, { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'no' } } });
    const target: DeliveryTarget = { platform: 'TEAMS', tenantId: user.tenantId, userId: user.aadObjectId, serviceUrl: fake.serviceUrl, conversationRef: null };
    expect(await sender.send(target, reminder, 'k6')).toMatchObject({ ok: false, kind: 'permanent', unreachable: true });
  });

  it('gives up on a connector that does not answer (the SDK has no timeout of its own)', async () => {
    const budgets = { reply: { retries: 0, maxWaitMs: 0, timeoutMs: 300 }, proactive: { retries: 0, maxWaitMs: 0, timeoutMs: 300 } };
    const impatient = new TeamsSender(new TeamsCloudAdapter(createAuthentication(insecure), logger, budgets), { appId: '', logger });
    fake.failNext(/\/activities/, { status: 0 });
    const started = Date.now();
    expect(await impatient.send(stored(), reminder, 'k8')).toMatchObject({ ok: false, kind: 'retry' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('retries later when the connector cannot be reached at all', async () => {
    const target = stored();
    const ref = target.conversationRef as { serviceUrl: string };
    ref.serviceUrl = 'http://127.0.0.1:1/';
    expect(await sender.send(target, reminder, 'k7')).toMatchObject({ ok: false, kind: 'retry' });
  });

  it('updates a delivered message in place and deletes it for a recall; a message already gone counts as removed', async () => {
    const sent = await sender.send(stored(), reminder, 'k-edit');
    expect(sent.ok).toBe(true);
    const ref = (sent as { ref: { deliveredActivityId: string } }).ref;
    const progress = { text: 'Verstuurd: 10 van 20', blocks: [{ type: 'text' as const, text: 'Verstuurd: 10 van 20 ▓▓▓▓▓░░░░░' }] };
    expect(await sender.update!(stored(), ref, progress)).toEqual({ ok: true, ref });
    const put = fake.calls.filter((c) => c.method === 'PUT').at(-1)!;
    expect(put.path).toContain(`/activities/${ref.deliveredActivityId}`);
    expect(JSON.stringify(put.body)).toContain('Verstuurd: 10 van 20');
    expect(await sender.remove!(stored(), ref)).toEqual({ ok: true, ref });
    expect(fake.calls.filter((c) => c.method === 'DELETE').at(-1)!.path).toContain(`/activities/${ref.deliveredActivityId}`);
    fake.failNext(/\/activities\//, { status: 404, body: { error: { code: 'ActivityNotFound', message: 'gone' } } });
    expect(await sender.remove!(stored(), ref)).toEqual({ ok: true, ref });
    fake.failNext(/\/activities\//, { status: 404, body: { error: { code: 'ActivityNotFound', message: 'gone' } } });
    expect(await sender.update!(stored(), ref, progress)).toMatchObject({ ok: false, kind: 'permanent' });
    expect(await sender.update!(stored(), { nothing: true }, progress)).toMatchObject({ ok: false, kind: 'permanent' });
  });

  it('signs every proactive send with the bot’s token and reaches each service URL at its own address', async () => {
    const withApp: Config['teams'] = { ...insecure, appId: 'app-1', appPassword: 'secret', insecureDev: false, loginUrl: fake.url };
    const signed = new TeamsSender(new TeamsCloudAdapter(createAuthentication(withApp), logger), { appId: 'app-1', logger });
    const other = await FakeConnector.start();
    try {
      const elsewhere = stored();
      (elsewhere.conversationRef as { serviceUrl: string }).serviceUrl = other.serviceUrl;
      for (const target of [stored(), stored(), elsewhere]) expect((await signed.send(target, reminder, 'k-signed')).ok).toBe(true);
      const auth = (f: FakeConnector) => f.calls.filter((c) => c.method === 'POST' && c.path.includes('/activities')).map((c) => c.headers.authorization);
      expect(auth(fake)).toEqual([expect.stringMatching(/^Bearer outbound-token-\d+$/), expect.stringMatching(/^Bearer outbound-token-\d+$/)]);
      expect(auth(other)).toEqual([expect.stringMatching(/^Bearer outbound-token-\d+$/)]);
      // One token serves every send until it nears its expiry.
      expect(fake.calls.filter((c) => c.path.endsWith('/oauth2/v2.0/token'))).toHaveLength(1);
      // A proactive message starts its own line in the chat; it does not reply to the person's last message.
      expect(fake.activities().map((a) => a.activity.replyToId)).toEqual([undefined, undefined]);
    } finally {
      await other.stop();
    }
  });
});
