import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dedupKey, INTERACTION_WINDOW_MS } from '../../../src/channels/slack/middleware/dedup.js';
import { SlackDedup } from '../../../src/channels/slack/processed-events.js';
import { PrismaProcessedEvents } from '../../../src/db/dedup/processed-events.js';
import type { Database } from '../../../src/db/database.js';
import { createLogger } from '../../../src/logger.js';
import { BACKENDS, testDatabase } from '../../support/db.js';

describe('dedup keys', () => {
  it('an event is known by its event_id, whatever the retry headers', () => {
    expect(dedupKey({ type: 'event_callback', event_id: 'Ev1', event: {} })).toEqual({ source: 'slack.event', id: 'Ev1' });
  });

  it('an interaction by its whole payload: a repeat matches, another click does not', () => {
    const click = { type: 'block_actions', trigger_id: 't1', actions: [{ action_id: 'a', action_ts: '1.1' }] };
    expect(dedupKey(click)).toEqual(dedupKey(structuredClone(click)));
    expect(dedupKey(click)?.id).not.toBe(dedupKey({ ...click, trigger_id: 't2' })?.id);
    expect(dedupKey(click)?.forgetAfterMs).toBe(INTERACTION_WINDOW_MS);
  });
});

describe.each(BACKENDS)('ProcessedEvents on %s', (backend) => {
  let db: Database;
  let store: SlackDedup;
  beforeAll(async () => {
    db = await testDatabase(backend);
    store = new SlackDedup(new PrismaProcessedEvents(db.prisma), createLogger('silent'));
  });
  afterAll(async () => db?.close());

  it('says "first time" once per id, also when the repeats race', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => store.firstTime('slack.event', 'EvRACE')));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.firstTime('slack.event', 'EvRACE')).toBe(false);
    expect(await store.firstTime('slack.event', 'EvOTHER')).toBe(true);
  });

  it('forgets an interaction after its window, once', async () => {
    expect(await store.firstTime('slack.interaction', 'h1', 60_000)).toBe(true);
    expect(await store.firstTime('slack.interaction', 'h1', 60_000)).toBe(false);
    await db.prisma.processedEvent.update({
      where: { source_eventId: { source: 'slack.interaction', eventId: 'h1' } },
      data: { receivedAt: new Date(Date.now() - 120_000) },
    });
    const again = await Promise.all([store.firstTime('slack.interaction', 'h1', 60_000), store.firstTime('slack.interaction', 'h1', 60_000)]);
    expect(again.filter(Boolean)).toHaveLength(1);
  });

  it('prunes only its own old rows', async () => {
    await db.prisma.processedEvent.create({ data: { source: 'teams.activity', eventId: 'x', receivedAt: new Date(0) } });
    await db.prisma.processedEvent.create({ data: { source: 'slack.event', eventId: 'old', receivedAt: new Date(0) } });
    expect(await store.prune(new Date(1000), 'slack.')).toBe(1);
    expect(await db.prisma.processedEvent.count({ where: { source: 'teams.activity' } })).toBe(1);
  });
});
