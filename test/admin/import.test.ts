import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvFileError } from '../../src/core/import/csv.js';
import { importKlussen } from '../../src/core/klussen/import-klussen.js';
import { importPeople } from '../../src/core/people/import-people.js';
import { importWorkshops } from '../../src/core/workshops/import-workshops.js';
import type { Database } from '../../src/db/database.js';
import { BACKENDS, testDatabase } from '../support/db.js';
import { adminPorts } from '../../src/db/admin-store.js';

const PEOPLE_HEADER = 'platform;platform_user_id;email;name;organization;department;education_level;role;locale;skills';
// As Dutch Excel saves "CSV UTF-8": BOM, semicolons, CRLF.
const excel = (...lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;

const rejected = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (e) {
    expect(e).toBeInstanceOf(CsvFileError);
    return (e as CsvFileError).errors;
  }
  throw new Error('expected the file to be rejected');
};

describe.each(BACKENDS)('CSV imports on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase(backend);
  });
  afterAll(async () => db?.close());

  it('imports people from a Dutch Excel file, creates unknown organisations, and changes nothing the second time', async () => {
    const file = excel(
      PEOPLE_HEADER,
      'slack;U0AAA;Anna@Dijkstad.example;Anna de Vries;Gemeente Dijkstad;Buitendienst;mbo;employee;nl;Groen onderhoud|excel',
      'teams;7c9e6679-7425-40de-944b-e07fc1f90ae7;bo@lingeveld.example;Bo Jansen;Gemeente Lingeveld;DIV;hbo;manager;en;',
      ';;cas@dijkstad.example;"Cas; de tweede";Gemeente Dijkstad;HR;wo;hr;;',
    );
    expect(await importPeople(adminPorts(db.prisma).people, file)).toEqual({ kind: 'people', created: 3, updated: 0, unchanged: 0 });
    expect(await importPeople(adminPorts(db.prisma).people, file)).toEqual({ kind: 'people', created: 0, updated: 0, unchanged: 3 });
    const anna = await db.prisma.person.findUniqueOrThrow({ where: { email: 'anna@dijkstad.example' }, include: { skills: true, identities: true, organization: true } });
    expect(anna.organization?.name).toBe('Gemeente Dijkstad');
    expect(anna.skills.map((s) => s.skill).sort()).toEqual(['excel', 'groen onderhoud']);
    expect(anna.identities[0]).toMatchObject({ platform: 'SLACK', userId: 'U0AAA', tenantId: '' });
    const bo = await db.prisma.person.findUniqueOrThrow({ where: { email: 'bo@lingeveld.example' } });
    expect(bo.roles).toEqual(['EMPLOYEE', 'MANAGER']);
    expect(bo.locale).toBe('en');
    const cas = await db.prisma.person.findUniqueOrThrow({ where: { email: 'cas@dijkstad.example' } });
    expect(cas.name).toBe('Cas; de tweede');
    expect(await db.prisma.organization.count({ where: { name: { in: ['Gemeente Dijkstad', 'Gemeente Lingeveld'] } } })).toBe(2);
  });

  it('rejects a file with bad rows whole, naming each bad physical line', async () => {
    const before = await db.prisma.person.count();
    const errors = await rejected(
      importPeople(
        adminPorts(db.prisma).people,
        excel(
          PEOPLE_HEADER,
          'slack;U0BBB;good@x.example;Goed;Org;;;employee;nl;',
          '',
          'slack;U0CCC;not-an-email;Fout;Org;;;employee;nl;',
          'fax;U0DDD;d@x.example;Fout;Org;;;boss;de;',
          'slack;U0EEE;good@x.example;Dubbel;Org;;;employee;nl;',
          'too;few;fields',
        ),
      ),
    );
    const lines = errors.map((e) => e.line);
    expect(lines).toContain(7);
    const byLine = (n: number) => errors.filter((e) => e.line === n).map((e) => e.message).join(' | ');
    // Line 7 has the wrong field count; that is reported before rows are validated.
    expect(byLine(7)).toMatch(/expected 10 fields/);
    expect(await db.prisma.person.count()).toBe(before);
    const rowErrors = await rejected(
      importPeople(
        adminPorts(db.prisma).people,
        excel(PEOPLE_HEADER, 'slack;U0BBB;good@x.example;Goed;Org;;;employee;nl;', '', 'slack;U0CCC;not-an-email;Fout;Org;;;employee;nl;', 'fax;U0DDD;d@x.example;Fout;Org;;;boss;de;', 'slack;U0EEE;good@x.example;Dubbel;Org;;;employee;nl;'),
      ),
    );
    const r = (n: number) => rowErrors.filter((e) => e.line === n).map((e) => e.message).join(' | ');
    expect(r(4)).toMatch(/e-mail/);
    expect(r(5)).toMatch(/slack or teams/);
    expect(r(5)).toMatch(/employee, manager or hr/);
    expect(r(5)).toMatch(/nl or en/);
    expect(r(6)).toMatch(/duplicate of line 2/);
    expect(r(2)).toBe('');
    expect(await db.prisma.person.count()).toBe(before);
  });

  it('rejects a header with missing or unknown columns, and a non-UTF-8 file', async () => {
    const errors = await rejected(importPeople(adminPorts(db.prisma).people, 'email,name\nx@y.example,X\n'));
    expect(errors[0]!.line).toBe(1);
    expect(errors[0]!.message).toMatch(/missing column/);
    const latin1 = Buffer.from('platform,platform_user_id,email,name,organization,department,education_level,role,locale,skills\n,,z@y.example,Jos\xe9,,,,,,\n', 'latin1');
    expect((await rejected(importPeople(adminPorts(db.prisma).people, latin1)))[0]!.message).toMatch(/UTF-8/);
  });

  it('imports workshops with local times, online links and restricted organisations; a change raises the calendar sequence', async () => {
    const header = 'key,title,description,starts_at,ends_at,location,capacity,organization,tags';
    const v1 = `${header}\nimp-1,Excel,Basis,2027-03-16 10:00,2027-03-16 12:00,https://meet.example/abc,12,,digitaal|Excel\nimp-2,Veilig werken,,2027-03-29T09:00:00+02:00,2027-03-29T11:00:00+02:00,Werf,8,Gemeente Dijkstad,kennis\n`;
    expect(await importWorkshops(adminPorts(db.prisma).workshopFiles, v1, { timezone: 'Europe/Amsterdam' })).toMatchObject({ created: 2 });
    expect(await importWorkshops(adminPorts(db.prisma).workshopFiles, v1, { timezone: 'Europe/Amsterdam' })).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const w = await db.prisma.workshop.findUniqueOrThrow({ where: { key: 'imp-1' }, include: { openTo: true } });
    expect(w.startsAt.toISOString()).toBe('2027-03-16T09:00:00.000Z');
    expect(w.onlineUrl).toBe('https://meet.example/abc');
    expect(w.tags).toEqual(['digitaal', 'excel']);
    expect(w.openTo).toHaveLength(0);
    const w2 = await db.prisma.workshop.findUniqueOrThrow({ where: { key: 'imp-2' }, include: { openTo: true } });
    expect(w2.openTo).toHaveLength(1);
    const v2 = v1.replace('2027-03-16 12:00', '2027-03-16 12:30');
    expect(await importWorkshops(adminPorts(db.prisma).workshopFiles, v2, { timezone: 'Europe/Amsterdam' })).toMatchObject({ updated: 1, unchanged: 1 });
    expect((await db.prisma.workshop.findUniqueOrThrow({ where: { key: 'imp-1' } })).icsSequence).toBe(w.icsSequence + 1);
    const bad = `${header}\nimp-3,X,,2027-03-16 12:00,2027-03-16 10:00,Zaal,0,,\nimp 4,,,gisteren,2027-03-16 10:00,Zaal,tien,,\n`;
    const errors = await rejected(importWorkshops(adminPorts(db.prisma).workshopFiles, bad, { timezone: 'Europe/Amsterdam' }));
    expect(errors.filter((e) => e.line === 2).map((e) => e.message).join()).toMatch(/capacity|ends_at/);
    expect(errors.filter((e) => e.line === 3).length).toBeGreaterThanOrEqual(3);
    expect(await db.prisma.workshop.count({ where: { key: { in: ['imp-3', 'imp 4'] } } })).toBe(0);
  });

  it('imports klussen for known owners and rejects unknown owners by line', async () => {
    const header = 'key,title,description,skills,hours,starts_on,ends_on,organization,owner_email';
    const ok = `${header}\nk-1,Bomen tellen,,groen|excel,4,2027-04-01,2027-06-30,Gemeente Dijkstad,anna@dijkstad.example\n`;
    expect(await importKlussen(adminPorts(db.prisma).klusImport, ok)).toMatchObject({ created: 1 });
    expect(await importKlussen(adminPorts(db.prisma).klusImport, ok)).toMatchObject({ unchanged: 1 });
    const errors = await rejected(importKlussen(adminPorts(db.prisma).klusImport, `${header}\nk-2,Iets,,,,,,,nobody@x.example\n`));
    expect(errors).toEqual([{ line: 2, message: expect.stringMatching(/not a known person/) }]);
  });
});
