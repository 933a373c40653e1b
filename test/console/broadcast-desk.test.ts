import { describe, expect, it } from 'vitest';
import { RecordingSender } from '../support/recording-sender.js';
import { aWorker, formValues, until, useBroadcastWorld } from '../broadcasts/support.js';

describe('the console’s broadcast desk, on postgres', () => {
  const world = useBroadcastWorld('postgres');

  it('counts the audience a form describes exactly, and names a team leader it does not know', async () => {
    const hr = await world.region.actor(world.region.hr1.id);
    const count = await world.core.broadcastDesk.count(hr, { departments: 'buitendienst' });
    // Wim, Bas and Stil (no chat: stored as failed, so counted); Pauline paused: skipped.
    expect(count).toEqual({ ok: true, count: { recipients: 3, unreachable: 1, skipped: 1 } });
    expect(await world.core.broadcastDesk.count(hr, { levels: ['mbo'] })).toMatchObject({ ok: true, count: { recipients: 1 } });
    const bad = await world.core.broadcastDesk.count(hr, { teams: 'niemand@example.org', levels: ['xyz'] });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems).toHaveLength(2);
  });

  it('stores a draft with a picture, previews it as the channels get it, sends it and reports progress to 100 %', async () => {
    const hr = await world.region.actor(world.region.hr1.id);
    const missingAlt = await world.core.broadcastService.saveDraft(hr, formValues({ image_url: 'http://plaatje.example/a.png', departments: 'buitendienst' }));
    expect(missingAlt.kind === 'problems' && missingAlt.problems).toEqual([
      'De link naar het plaatje moet beginnen met https://.',
      'Schrijf wat er op het plaatje staat. Dan weet iedereen het, ook wie het niet kan zien.',
    ]);
    const saved = await world.core.broadcastService.saveDraft(
      hr,
      formValues({ image_url: 'https://plaatje.example/a.png', image_alt: 'Collega’s bij een workshop', departments: 'buitendienst' }),
    );
    expect(saved.kind).toBe('saved');
    if (saved.kind !== 'saved') return;
    const id = saved.broadcast.id;
    const o = await world.core.broadcastDesk.overview(hr, id);
    expect(o.count.recipients).toBe(3);
    expect(o.preview[0]!.blocks).toContainEqual({ type: 'image', url: 'https://plaatje.example/a.png', alt: 'Collega’s bij een workshop' });
    expect(o.actions.map((a) => a.action)).toEqual(['broadcast.send', 'broadcast.edit', 'broadcast.discard']);
    expect(o.language.nl.rules).toBe(true);

    const sender = new RecordingSender('CONSOLE');
    const worker = aWorker(world.db, world.core, sender);
    expect(await world.core.broadcastDesk.act(hr, id, 'send')).toMatch(/3/);
    worker.start();
    try {
      await until(async () => (await world.core.broadcastDesk.progress(hr, id)).progress.waiting === 0);
      world.core.clock.advance(5000);
      await world.core.broadcasts.tick(world.core.clock.now());
      const p = await world.core.broadcastDesk.progress(hr, id);
      expect(p).toMatchObject({ status: 'SENT', percent: 100, done: true, progress: { total: 3, sent: 2, failed: 1 } });
      expect(p.progress.reasons[0]?.reason).toMatch(/unreachable/i);
    } finally {
      await worker.stop();
    }
    // The picture went along to each recipient.
    const delivered = sender.calls.filter((c) => c.key.startsWith(`broadcast:${id}:`) && !/:(progress|summary)/.test(c.key));
    expect(delivered.every((c) => c.message.blocks.some((b) => b.type === 'image'))).toBe(true);
  });

  it('refuses everyone but HR', async () => {
    const worker = await world.region.actor(world.region.worker.id);
    await expect(world.core.broadcastDesk.count(worker, {})).rejects.toThrow('forbidden');
    await expect(world.core.broadcastDesk.recent(worker)).rejects.toThrow('forbidden');
  });
});
