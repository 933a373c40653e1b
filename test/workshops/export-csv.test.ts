import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type CliIo } from '../../src/cli/commands.js';
import { excelCsv } from '../../src/core/csv/excel-csv.js';
import type { Database } from '../../src/db/database.js';
import { cliDeps } from '../../src/runtime/admin-deps.js';
import { anOrganization, aPerson, aWorkshop } from '../support/builders.js';
import { testDatabase } from '../support/db.js';
import { excelNumber, readAsDutchExcel } from '../support/dutch-excel.js';

describe('CSV downloads as Dutch Excel opens them', () => {
  it('writes semicolons, a BOM, CRLF, decimal commas in Dutch and points in English, and neutralises formulas', () => {
    const header = ['naam', 'aandeel', 'aantal'];
    const rows = [['=cmd|\' /C calc\'!A0', 12.5, 3], ['+SUM(A1)', -2.25, 0], ['@foo', null, 1], ['-1+1', 7, 2], ['\tTab', 0.5, 4], ['Financiën; "Post"', 100, 5]];
    const [head, ...cells] = readAsDutchExcel(excelCsv(header, rows, 'nl'));
    expect(head).toEqual(header);
    expect(cells.map((r) => r[0])).toEqual(["'=cmd|' /C calc'!A0", "'+SUM(A1)", "'@foo", "'-1+1", "'\tTab", 'Financiën; "Post"']);
    expect(cells.map((r) => excelNumber(r[1]!))).toEqual([12.5, -2.25, null, 7, 0.5, 100]);
    expect(cells[0]![1]).toBe('12,5');
    const english = excelCsv(header, rows, 'en').replace(/^\uFEFF/, '').split('\r\n');
    expect(english[1]).toBe("'=cmd|' /C calc'!A0;12.5;3");
  });

  describe('from the database (postgres)', () => {
    let db: Database;
    beforeAll(async () => {
      db = await testDatabase('postgres');
    });
    afterAll(async () => db?.close());

    it('the attendance list: names that look like formulas stay text', async () => {
      const org = await anOrganization(db, 'Gemeente Eénhoorn');
      const w = await aWorkshop(db, { title: '=HYPERLINK("http://x.example","Klik")' });
      const evil = await aPerson(db, { name: "=cmd|' /C calc'!A0", email: 'evil@x.example', organizationId: org.id, department: '@Financiën' });
      const plain = await aPerson(db, { name: 'Anaïs de Vries', email: 'anais@x.example', organizationId: org.id, department: 'Financiën' });
      for (const p of [evil, plain]) await db.prisma.signup.create({ data: { workshopId: w.id, personId: p.id, status: 'CONFIRMED' } });
      const files: Record<string, string> = {};
      const io: CliIo = { out: () => undefined, err: () => undefined, readFile: async () => Buffer.from(''), writeFile: async (p, d) => void (files[p] = d) };
      const deps = async () => cliDeps(db, { timezone: 'Europe/Amsterdam', now: () => new Date('2027-03-01T09:00:00Z') });
      expect(await runCommand(['export', 'signups', '--workshop', w.key, '--out', 'lijst.csv'], io, deps)).toBe(0);
      const [header, ...rows] = readAsDutchExcel(files['lijst.csv']!);
      expect(header).toEqual(['workshop', 'titel', 'start', 'naam', 'e-mail', 'organisatie', 'afdeling', 'status', 'wachtlijstplek', 'aanwezig']);
      const byMail = (m: string) => rows.find((r) => r[4] === m)!;
      expect(byMail('evil@x.example')[3]).toBe("'=cmd|' /C calc'!A0");
      expect(byMail('evil@x.example')[6]).toBe("'@Financiën");
      expect(byMail('evil@x.example')[1]).toBe(`'${w.title}`);
      expect(byMail('anais@x.example').slice(3, 8)).toEqual(['Anaïs de Vries', 'anais@x.example', 'Gemeente Eénhoorn', 'Financiën', 'aangemeld']);
    });
  });
});
