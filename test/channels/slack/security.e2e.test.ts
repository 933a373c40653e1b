import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/fake-slack.js';
import { startHarness, KEES, type Harness } from './support/harness.js';
import { buttonsIn, click, dmEvent, eventCallback, FORM, JSON_TYPE, postSigned, slashCommand } from './support/slack-requests.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const now = () => Math.floor(Date.now() / 1000);
const settle = () => new Promise((r) => setTimeout(r, 400));

/** Counts of what a processed request would change: Web API calls, people, processed ids. */
async function state() {
  return {
    calls: h.fake.calls.length,
    responses: h.fake.responses.length,
    identities: await h.db.prisma.channelIdentity.count({ where: { platform: 'SLACK' } }),
    processed: await h.db.prisma.processedEvent.count(),
  };
}

describe('requests that are not Slack’s get 401 and change nothing', () => {
  const cases: [string, () => Promise<Response>][] = [
    ['a bad signature', () => postSigned(h.events, eventCallback(dmEvent(KEES.id, 'help')), JSON_TYPE, { secret: 'wrong' })],
    ['no signature', () => postSigned(h.events, slashCommand(KEES.id, 'help', h.fake.responseUrl('x')), FORM, { unsigned: true })],
    ['a timestamp 6 minutes old', () => postSigned(h.events, slashCommand(KEES.id, 'help', h.fake.responseUrl('x')), FORM, { ts: now() - 360 })],
    ['a timestamp 6 minutes ahead', () => postSigned(h.events, slashCommand(KEES.id, 'help', h.fake.responseUrl('x')), FORM, { ts: now() + 360 })],
    ['a timestamp a day ahead', () => postSigned(h.events, eventCallback(dmEvent(KEES.id, 'help')), JSON_TYPE, { ts: now() + 86_400 })],
    ['a garbled timestamp', () => postSigned(h.events, slashCommand(KEES.id, 'help', h.fake.responseUrl('x')), FORM, { headers: { 'x-slack-request-timestamp': 'soon' } })],
  ];
  it.each(cases)('%s', async (_name, send) => {
    const before = await state();
    const res = await send();
    expect(res.status).toBe(401);
    await settle();
    expect(await state()).toEqual(before);
  });

  it('accepts a correctly signed request 4 minutes off either way', async () => {
    for (const ts of [now() - 240, now() + 240]) {
      const res = await postSigned(h.events, slashCommand(KEES.id, 'help', h.fake.responseUrl(`ok${ts}`)), FORM, { ts });
      expect(res.status).toBe(200);
      await eventually(() => h.fake.responses.find((r) => r.id === `ok${ts}`));
    }
  });

  it('answers Slack’s URL verification challenge', async () => {
    const res = await postSigned(h.events, JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 't' }), JSON_TYPE);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'c-123' });
  });
});

describe('Slack’s retries', () => {
  it('processes a retried event once and still acknowledges the retry', async () => {
    const body = eventCallback(dmEvent(KEES.id, 'mijn'), 'EvRETRY0001');
    const before = h.fake.callsTo('chat.postMessage').length;
    expect((await postSigned(h.events, body, JSON_TYPE)).status).toBe(200);
    await eventually(() => h.fake.callsTo('chat.postMessage')[before]);
    for (const n of ['1', '2']) {
      const retry = await postSigned(h.events, body, JSON_TYPE, { headers: { 'x-slack-retry-num': n, 'x-slack-retry-reason': 'http_timeout' } });
      expect(retry.status).toBe(200);
    }
    await settle();
    expect(h.fake.callsTo('chat.postMessage').length).toBe(before + 1);
  });

  it('processes a repeated interaction payload once', async () => {
    const list = await (async () => {
      const before = h.fake.callsTo('chat.postMessage').length;
      await postSigned(h.events, eventCallback(dmEvent(KEES.id, 'workshops')), JSON_TYPE);
      return eventually(() => h.fake.callsTo('chat.postMessage')[before]);
    })();
    const signup = buttonsIn(list.args.blocks).find((b) => b.text.text === 'Aanmelden')!;
    const body = click(KEES.id, signup, { kind: 'dm', channel: `D${KEES.id}`, ts: String(list.result?.ts) });
    const updates = h.fake.callsTo('chat.update').length;
    expect((await postSigned(h.events, body, FORM)).status).toBe(200);
    expect((await postSigned(h.events, body, FORM)).status).toBe(200);
    await eventually(() => h.fake.callsTo('chat.update')[updates]);
    await settle();
    expect(h.fake.callsTo('chat.update').length).toBe(updates + 1);
  });
});

describe('rate limits on answers', () => {
  it('waits out a 429 with Retry-After and delivers the answer once', async () => {
    h.fake.throttle('chat.postMessage', 1);
    const before = h.fake.callsTo('chat.postMessage').length;
    const started = Date.now();
    const res = await postSigned(h.events, eventCallback(dmEvent(KEES.id, 'help')), JSON_TYPE);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(900);
    await eventually(() => h.fake.callsTo('chat.postMessage').length >= before + 2, 8000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    await settle();
    expect(h.fake.callsTo('chat.postMessage').length).toBe(before + 2);
  });
});
