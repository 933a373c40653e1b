import { describe, expect, it } from 'vitest';
import type { DeliveryTarget } from '../../src/core/ports.js';
import { deliver } from '../../src/delivery/deliver.js';
import { DeletingSender, EditingSender } from '../support/editing-sender.js';
import { RecordingSender } from '../support/recording-sender.js';

const target: DeliveryTarget = { platform: 'SLACK', tenantId: 'T1', userId: 'U1', conversationRef: 'D1' };
const message = { text: 'Nieuw', blocks: [] };
const edit = (mode: 'update' | 'retract', fallback: 'send' | 'drop', ref: unknown = { ts: '1' }) => ({ edit: { ref, mode, fallback } });

describe('delivering a row through a sender', () => {
  it('posts a plain row as a new message', async () => {
    const s = new EditingSender('SLACK');
    expect(await deliver(s, target, message, 'k1', {})).toEqual({ ok: true, ref: { id: 1 } });
    expect(s.calls).toHaveLength(1);
  });

  it('changes the earlier message in place when the sender can, keeping its reference', async () => {
    const s = new EditingSender('SLACK');
    expect(await deliver(s, target, message, 'k2', edit('update', 'drop'))).toEqual({ ok: true, ref: { ts: '1' } });
    expect(s.updates.map((u) => u.ref)).toEqual([{ ts: '1' }]);
    expect(s.calls).toHaveLength(0);
  });

  it('retracts by deleting when the sender can only delete', async () => {
    const s = new DeletingSender('SLACK');
    expect((await deliver(s, target, message, 'k3', edit('retract', 'send'))).ok).toBe(true);
    expect(s.removals.map((r) => r.ref)).toEqual([{ ts: '1' }]);
    expect(s.calls).toHaveLength(0);
    // An update (progress) cannot be a deletion: the row is skipped.
    expect(await deliver(s, target, message, 'k4', edit('update', 'drop'))).toMatchObject({ ok: false, kind: 'skip' });
  });

  it('falls back as the row asks when the sender cannot edit or nothing is known to edit', async () => {
    const plain = new RecordingSender('SLACK');
    expect((await deliver(plain, target, message, 'k5', edit('retract', 'send'))).ok).toBe(true);
    expect(plain.calls.map((c) => c.key)).toEqual(['k5']);
    expect(await deliver(plain, target, message, 'k6', edit('update', 'drop'))).toMatchObject({ ok: false, kind: 'skip', reason: 'slack sender cannot update messages' });
    const editing = new EditingSender('SLACK');
    expect(await deliver(editing, target, message, 'k7', edit('update', 'drop', null))).toMatchObject({ kind: 'skip', reason: 'no earlier message to update' });
    expect((await deliver(editing, target, message, 'k8', edit('retract', 'send', null))).ok).toBe(true);
    expect(editing.calls.map((c) => c.key)).toEqual(['k8']);
  });
});
