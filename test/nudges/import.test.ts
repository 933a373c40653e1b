import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type CliIo } from '../../src/cli/commands.js';
import type { Database } from '../../src/db/database.js';
import { anOrganization } from '../support/builders.js';
import { BACKENDS, testDatabase } from '../support/db.js';
import { cliDeps } from '../../src/runtime/admin-deps.js';

const NOW = new Date('2027-03-01T08:00:00Z');
const EXAMPLE = new URL('../../seed/demo/campaigns.json', import.meta.url);

function cli(db: Database, files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: async (p) => {
      if (!(p in files)) throw Object.assign(new Error('missing'), { code: 'ENOENT', path: p });
      return Buffer.from(files[p]!);
    },
    writeFile: async () => undefined,
  };
  const run = (...argv: string[]) => runCommand(argv, io, async () => cliDeps(db, { timezone: 'Europe/Amsterdam', now: () => NOW }));
  return { run, out, err };
}

const campaign = (over: Record<string, unknown> = {}) => ({
  key: 'test',
  name: 'Test',
  schedule: '0 9 * * 2',
  variants: [{ key: 'A', nl: { text: 'Kijk eens naar de workshops.', button: 'Bekijk {count} workshops' }, en: { text: 'Look.', button: 'See {count}' } }],
  ...over,
});

describe.each(BACKENDS)('campaign import on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase(backend);
  });
  afterAll(async () => db?.close());

  it('imports the example campaigns, and the same file again changes nothing', async () => {
    const files = { 'c.json': await readFile(EXAMPLE, 'utf8') };
    const { run, out } = cli(db, files);
    expect(await run('campaign', 'import', 'c.json')).toBe(0);
    expect(await run('campaign', 'import', 'c.json')).toBe(0);
    expect(out).toEqual(['campaigns: 2 created, 0 updated, 0 unchanged', 'campaigns: 0 created, 0 updated, 2 unchanged']);
    const c = await db.prisma.nudgeCampaign.findUniqueOrThrow({ where: { key: 'buitendienst-mbo-workshops' } });
    expect(c.status).toBe('ACTIVE');
    expect(c.target).toMatchObject({ departments: ['buitendienst'], educationLevels: ['mbo', 'vmbo'], inactiveWeeks: 4 });
    expect((c.variants as { key: string; action: string }[]).map((v) => `${v.key}:${v.action}`)).toEqual(['A:workshops', 'B:workshops']);
    expect((await db.prisma.nudgeCampaign.findUniqueOrThrow({ where: { key: 'iedereen-klussen' } })).status).toBe('DRAFT');
    expect(await db.prisma.auditLog.count({ where: { action: 'import.campaigns' } })).toBe(2);
  });

  it('keeps a status changed since, when the file does not name one; lists and changes status from the CLI', async () => {
    const org = await anOrganization(db);
    const file = JSON.stringify(campaign({ key: 'status-test', target: { organizations: [org.key], roles: ['Employee'] } }));
    const { run, out, err } = cli(db, { 'c.json': file });
    expect(await run('campaign', 'import', 'c.json')).toBe(0);
    expect(await run('campaign', 'status', 'status-test', 'paused')).toBe(0);
    expect(await run('campaign', 'import', 'c.json')).toBe(0);
    const row = await db.prisma.nudgeCampaign.findUniqueOrThrow({ where: { key: 'status-test' } });
    expect(row.status).toBe('PAUSED');
    expect(row.target).toMatchObject({ organizations: [org.id], roles: ['EMPLOYEE'] });
    expect(await run('campaign', 'list')).toBe(0);
    expect(out.find((l) => l.startsWith('status-test\t'))).toContain('paused\t0 9 * * 2');
    expect(await run('campaign', 'status', 'nope', 'active')).toBe(1);
    expect(err.at(-1)).toContain('Unknown campaign: nope');
  });

  it('rejects a file with any problem whole, naming each one', async () => {
    const bad = [
      campaign({ key: 'ok' }),
      campaign({ key: 'cron', schedule: '0 9 * *' }),
      campaign({ key: 'org', target: { organizations: ['gemeente-nergens'] } }),
      campaign({
        key: 'taal',
        variants: [{ key: 'A', nl: { text: 'Neem deel aan het competentieontwikkelingstraject voor medewerkers.', button: 'Ja' }, en: { text: 'x', button: 'y' } }],
      }),
      campaign({ key: 'count', action: 'klussen' }),
      campaign({ key: 'typo', target: { department: ['buitendienst'] } }),
      campaign({ key: 'hours', target: { hours: '15:00-07:00' } }),
    ];
    const { run, err } = cli(db, { 'bad.json': JSON.stringify(bad), 'broken.json': '{ "key": ' });
    const before = await db.prisma.nudgeCampaign.count();
    expect(await run('campaign', 'import', 'bad.json')).toBe(1);
    const text = err.join('\n');
    expect(text).toContain('nothing was stored');
    expect(text).toContain('campaign 2 (cron) schedule: a cron expression of 5 fields');
    expect(text).toContain('campaign 3 (org) target.organizations: unknown organisation "gemeente-nergens"');
    expect(text).toContain('campaign 4 (taal) variants[0].nl.text: not plain Dutch (B1): long-word (competentieontwikkelingstraject)');
    expect(text).toContain('campaign 5 (count) variants[0].nl.button: {count} only works with action "workshops"');
    expect(text).toContain('campaign 6 (typo) target');
    expect(text).toContain('campaign 7 (hours) target.hours');
    expect(text).not.toContain('campaign 1 ');
    expect(await db.prisma.nudgeCampaign.count()).toBe(before);
    expect(await run('campaign', 'import', 'broken.json')).toBe(1);
    expect(err.at(-1)).toContain('not valid JSON');
    expect(await run('campaign', 'import', 'missing.json')).toBe(1);
  });
});
