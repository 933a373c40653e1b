import { describe, expect, it } from 'vitest';
import { createCore, outboxKinds, respectsPause, type Repositories } from '../../src/app.js';
import { DomainError } from '../../src/core/errors.js';
import { createLogger } from '../../src/logger.js';

const { bot } = createCore({} as Repositories, { timezone: 'Europe/Amsterdam', defaultLocale: 'nl', adminUsers: [], publicUrl: '' }, createLogger('silent'));

describe('the features registry', () => {
  it('composes exactly the outbox kinds the worker knows, each once', () => {
    const names = outboxKinds.map((k) => k.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...bot.outboxKindNames()].sort()).toEqual([...names].sort());
  });

  it('holds back news while a person pauses, never the answer to their own act, and unknown kinds to be safe', () => {
    expect(respectsPause('workshop.reminder')).toBe(true);
    expect(respectsPause('nudge.campaign')).toBe(true);
    expect(respectsPause('broadcast.message')).toBe(true);
    expect(respectsPause('workshop.promoted')).toBe(false);
    expect(respectsPause('broadcast.progress')).toBe(false);
    expect(respectsPause('klus.candidate')).toBe(false);
    expect(respectsPause('no.such-kind')).toBe(true);
  });

  it('refuses a forged button value before any handler runs', async () => {
    const actor = { person: { id: 'x', roles: [], locale: 'nl', paused: false } as never, locale: 'nl' as const, platform: 'CONSOLE' as const };
    const reply = await bot.action(actor, { action: 'klus.withdraw', value: "'; DROP TABLE klus; --" });
    expect(reply.messages[0]?.text).toBe(bot.errorMessage(actor, new DomainError('unknown_action')).text);
  });
});
