import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { aPerson } from '../support/builders.js';
import { cli } from '../support/cli.js';
import { testEmbedded } from '../support/db.js';

const NOW = new Date('2027-03-10T12:00:00Z');

describe('vliegwiel audit', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testEmbedded();
    const at = (iso: string) => new Date(iso);
    await db.prisma.auditLog.createMany({
      data: [
        { at: at('2027-02-01T09:00:00Z'), actor: 'cli', action: 'import.people', subject: 'people.csv', details: { kind: 'people', created: 3 } },
        { at: at('2027-03-02T09:00:00Z'), actor: 'cli', action: 'privacy.export', subject: 'p-1', details: { via: 'cli' } },
        { at: at('2027-03-09T09:30:00Z'), actor: 'p-2', action: 'privacy.erase', subject: 'p-2', details: { via: 'chat' } },
        { at: at('2027-03-09T10:00:00Z'), actor: 'h-1', action: 'broadcast.send', subject: 'b-1' },
        { at: at('2027-03-09T11:00:00Z'), actor: 'cli', action: 'privacy-policy.shown', subject: null },
      ],
    });
  });
  afterAll(async () => db?.close());

  it('lists every entry oldest first in local time, with who, what and the details', async () => {
    const r = await cli(db, ['audit'], { now: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      '2027-02-01 10:00:00  import.people  by cli  people.csv  {"kind":"people","created":3}',
      '2027-03-02 10:00:00  privacy.export  by cli  p-1  {"via":"cli"}',
      '2027-03-09 10:30:00  privacy.erase  by p-2  p-2  {"via":"chat"}',
      '2027-03-09 11:00:00  broadcast.send  by h-1  b-1',
      '2027-03-09 12:00:00  privacy-policy.shown  by cli  -',
    ]);
  });

  it('filters by action family or exact action, by a date or a span back, and limits to the newest', async () => {
    const actions = async (...args: string[]) => (await cli(db, ['audit', ...args, '--format', 'json'], { now: NOW })).stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l).action);
    // "privacy" is a family: privacy.export and privacy.erase, not privacy-policy.
    expect(await actions('--action', 'privacy')).toEqual(['privacy.export', 'privacy.erase']);
    expect(await actions('--action', 'privacy.erase')).toEqual(['privacy.erase']);
    expect(await actions('--since', '2027-03-05')).toEqual(['privacy.erase', 'broadcast.send', 'privacy-policy.shown']);
    expect(await actions('--since', '2d', '--action', 'privacy')).toEqual(['privacy.erase']);
    expect(await actions('--limit', '2')).toEqual(['broadcast.send', 'privacy-policy.shown']);
    const json = JSON.parse((await cli(db, ['audit', '--limit', '1', '--format', 'json'], { now: NOW })).stdout);
    expect(json).toEqual({ at: '2027-03-09T11:00:00.000Z', actor: 'cli', action: 'privacy-policy.shown', subject: null, details: null });
  });

  it('says what is wrong with a bad option and exits 2', async () => {
    for (const args of [['--since', 'gisteren'], ['--limit', '0'], ['--limit', 'veel'], ['--format', 'xml']]) {
      const r = await cli(db, ['audit', ...args], { now: NOW });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/--since must be|--limit must be|usage: audit/);
    }
    expect((await cli(db, ['audit', '--action', 'nothing.like.this'], { now: NOW })).stdout).toBe('no audit entries match');
  });

  it('records role changes by the person id, so the trail holds no e-mail address', async () => {
    const p = await aPerson(db, { email: 'rolf@x.example' });
    expect((await cli(db, ['role', 'grant', 'rolf@x.example', 'manager'])).code).toBe(0);
    const entry = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'role.grant' } });
    expect([entry.subject, entry.details]).toEqual([p.id, { role: 'MANAGER' }]);
    expect(JSON.stringify(await db.prisma.auditLog.findMany({ omit: { id: true } }))).not.toContain('rolf@x.example');
  });
});
