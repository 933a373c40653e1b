import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvFileError } from '../../src/core/import/csv.js';
import { importKlussen } from '../../src/core/klussen/import-klussen.js';
import { importPeople } from '../../src/core/people/import-people.js';
import { importWorkshops } from '../../src/core/workshops/import-workshops.js';
import type { Database } from '../../src/db/database.js';
import { aPerson } from '../support/builders.js';
import { testEmbedded } from '../support/db.js';
import { fuzzSeed, Random } from '../support/fuzz.js';
import { changedTables, snapshotAll } from '../support/snapshot.js';
import { fileWithBadRows, KLUSSEN, PEOPLE, WORKSHOPS, type CsvKind } from './fuzz/csv-files.js';
import { adminPorts } from '../../src/db/admin-store.js';

const SEED = fuzzSeed(20_270_303);
const FILES_PER_KIND = 120;

/** The lines a rejected file was refused for, or the error that was not a clear CsvFileError. */
async function refusedLines(work: Promise<unknown>): Promise<number[] | string> {
  try {
    await work;
    return 'imported';
  } catch (e) {
    if (!(e instanceof CsvFileError)) return `${(e as Error).name}: ${(e as Error).message.slice(0, 200)}`;
    return [...new Set(e.errors.map((x) => x.line))].sort((a, b) => a - b);
  }
}

/**
 * Thousands of CSV rows, good ones full of hostile text (quotes, separators, line breaks in cells, emoji, RTL)
 * with bad ones mixed in: every file with a bad row is refused whole, naming exactly the bad physical lines,
 * and nothing is stored; files of good rows import, and a second time change nothing.
 */
describe('CSV imports under hostile files', () => {
  let db: Database;
  let owner: string;
  beforeAll(async () => {
    db = await testEmbedded();
    owner = (await aPerson(db, { email: 'eigenaar@fuzz.example' })).email!;
  });
  afterAll(async () => db?.close());

  const kinds: [string, () => CsvKind, (file: string) => Promise<unknown>][] = [
    ['people', () => PEOPLE, (f) => importPeople(adminPorts(db.prisma).people, f)],
    ['workshops', () => WORKSHOPS, (f) => importWorkshops(adminPorts(db.prisma).workshopFiles, f, { timezone: 'Europe/Amsterdam' })],
    ['klussen', () => KLUSSEN(owner), (f) => importKlussen(adminPorts(db.prisma).klusImport, f)],
  ];

  it.each(kinds)('%s: a file with bad rows is refused whole, by exactly those lines, storing nothing', async (name, kind, run) => {
    const r = new Random(SEED + name.length);
    const before = await snapshotAll(db);
    const wrong: string[] = [];
    let rows = 0;
    for (let i = 0; i < FILES_PER_KIND; i++) {
      const { text, badLines } = fileWithBadRows(r, kind(), i * 1000);
      rows += text.split('\n').length - 1;
      const got = await refusedLines(run(text));
      if (JSON.stringify(got) !== JSON.stringify(badLines)) wrong.push(`file ${i}: expected lines ${badLines.join(',')}, got ${JSON.stringify(got)}\n${text.slice(0, 600)}`);
    }
    expect(wrong.slice(0, 3), `seed ${SEED}`).toEqual([]);
    expect(changedTables(before, await snapshotAll(db))).toEqual([]);
    expect(rows).toBeGreaterThan(FILES_PER_KIND * 5);
  });

  it.each(kinds)('%s: random bytes are refused with a clear error', async (name, _kind, run) => {
    const r = new Random(SEED * 7 + name.length);
    for (let i = 0; i < 100; i++) {
      const got = await refusedLines(run(r.bytes(400).toString(r.pick(['latin1', 'utf8', 'base64']))));
      expect(Array.isArray(got), `bytes ${i}: ${String(got)}`).toBe(true);
    }
  });

  it.each(kinds)('%s: good rows full of hostile text import, and the same file again changes nothing', async (name, kind, run) => {
    const r = new Random(SEED * 13 + name.length);
    for (let i = 0; i < 10; i++) {
      const k = kind();
      const rows = Array.from({ length: 20 }, (_, j) => k.good(r, 900_000 + i * 100 + j));
      const csv = [k.columns, ...rows].map((f) => f.map((v) => (/[;,"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(';')).join('\r\n');
      const first = (await run(csv)) as { created: number };
      expect(first.created, `file ${i}`).toBe(20);
      expect(await run(csv), `file ${i} again`).toMatchObject({ created: 0, updated: 0, unchanged: 20 });
    }
  });
});
