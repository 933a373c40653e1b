import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEducationLevel } from '../../src/core/people/education.js';
import type { Database } from '../../src/db/database.js';
import { aWorkshop, testCore } from '../support/builders.js';
import { cli } from '../support/cli.js';
import { BACKENDS, testDatabase } from '../support/db.js';

const HEADER = 'platform;platform_user_id;email;name;organization;department;education_level;role;locale;skills;manager_email;employee_number;job_title;active';
const file = (...lines: string[]) => `\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`;

describe('education levels', () => {
  it('forgives spelling and stores the canonical value; anything else is no level', () => {
    const cases: [string, string | null][] = [
      ['MBO 3', 'mbo-3'], ['mbo3', 'mbo-3'], ['Mbo niveau 3', 'mbo-3'], ['MBO-4', 'mbo-4'], ['mbo-2', 'mbo-2'], ['mbo niveau1', 'mbo-1'],
      [' MBO ', 'mbo'], ['VMBO', 'vmbo'], ['HBO', 'hbo'], ['W.O.', 'wo'], ['geen', 'geen'], ['', ''],
      ['kleuterschool', null], ['mbo 5', null], ['hbo-3', null],
    ];
    for (const [input, want] of cases) expect(parseEducationLevel(input), input).toBe(want);
  });
});

describe.each(BACKENDS)('people import with team leaders, levels and leavers on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase(backend);
  });
  afterAll(async () => db?.close());

  it('sets team leaders defined later in the file or stored before, levels as canonical values, number and title', async () => {
    await cli(db, ['import', 'people', 'a.csv'], { files: { 'a.csv': file(';;chef@elders.example;Chef Elders;Gemeente Elders;Staf;hbo;manager;nl;;;;;') } });
    const r = await cli(db, ['import', 'people', 'p.csv'], {
      files: {
        'p.csv': file(
          ';;ann@dijk.example;Ann;Gemeente Dijk;Groen;MBO 3;employee;nl;;lead@dijk.example;E-1;Hovenier;ja',
          ';;bob@dijk.example;Bob;Gemeente Dijk;groen;Mbo niveau 2;employee;nl;;LEAD@dijk.example;E-2;;',
          ';;lead@dijk.example;Lea;Gemeente Dijk;Groen;hbo;manager;nl;;chef@elders.example;E-3;Teamleider;true',
        ),
      },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('people: 3 created');
    const ann = await db.prisma.person.findUniqueOrThrow({ where: { email: 'ann@dijk.example' }, include: { manager: true } });
    expect(ann).toMatchObject({ educationLevel: 'mbo-3', employeeNumber: 'E-1', jobTitle: 'Hovenier', deactivatedAt: null });
    expect(ann.manager?.email).toBe('lead@dijk.example');
    const lead = await db.prisma.person.findUniqueOrThrow({ where: { email: 'lead@dijk.example' }, include: { manager: true } });
    expect(lead.manager?.email).toBe('chef@elders.example');
    expect((await db.prisma.person.findUniqueOrThrow({ where: { email: 'bob@dijk.example' } })).educationLevel).toBe('mbo-2');
    // The same file again changes nothing.
    const again = await cli(db, ['import', 'people', 'p.csv'], { files: { 'p.csv': file(
      ';;ann@dijk.example;Ann;Gemeente Dijk;Groen;MBO 3;employee;nl;;lead@dijk.example;E-1;Hovenier;ja',
      ';;bob@dijk.example;Bob;Gemeente Dijk;groen;Mbo niveau 2;employee;nl;;LEAD@dijk.example;E-2;;',
      ';;lead@dijk.example;Lea;Gemeente Dijk;Groen;hbo;manager;nl;;chef@elders.example;E-3;Teamleider;true',
    ) } });
    expect(again.stdout).toContain('people: 0 created, 0 updated, 3 unchanged');
  });

  it('refuses a circle of team leaders, an unknown team leader and an unknown level by line, storing nothing', async () => {
    const before = await db.prisma.person.count();
    const r = await cli(db, ['import', 'people', 'bad.csv'], {
      files: {
        'bad.csv': file(
          ';;x1@ring.example;X1;Gemeente Ring;;;employee;;;x2@ring.example;;;',
          ';;x2@ring.example;X2;Gemeente Ring;;;employee;;;x3@ring.example;;;',
          ';;x3@ring.example;X3;Gemeente Ring;;;employee;;;x1@ring.example;;;',
          ';;self@ring.example;Self;Gemeente Ring;;;employee;;;self@ring.example;;;',
          ';;y@ring.example;Y;Gemeente Ring;;;employee;;;nobody@ring.example;;;',
        ),
      },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing was stored');
    expect(r.stderr).toMatch(/line 2: manager_email: team leaders go round in a circle \(x1@ring\.example → x2@ring\.example → x3@ring\.example → x1@ring\.example\)/);
    expect(r.stderr).toMatch(/line 3: manager_email: team leaders go round/);
    expect(r.stderr).toMatch(/line 4: manager_email: team leaders go round/);
    expect(r.stderr).toContain('line 5: manager_email: a person cannot be their own team leader');
    expect(r.stderr).toContain('line 6: manager_email: no person with e-mail nobody@ring.example');
    const levels = await cli(db, ['import', 'people', 'lvl.csv'], { files: { 'lvl.csv': file(';;k@ring.example;K;Gemeente Ring;;kleuterschool;employee;;;;;;') } });
    expect(levels.code).toBe(1);
    expect(levels.stderr).toMatch(/line 2: education_level: "kleuterschool" is not an education level \(use one of: geen, vmbo, mbo-1, mbo-2, mbo-3, mbo-4, mbo, hbo, wo/);
    expect(await db.prisma.person.count()).toBe(before);
  });

  it('a circle through a team leader stored earlier is refused too', async () => {
    // lead@dijk → chef@elders is stored; making chef's leader ann (whose leader is lead) closes a circle.
    const r = await cli(db, ['import', 'people', 'c.csv'], { files: { 'c.csv': file(';;chef@elders.example;Chef Elders;Gemeente Elders;Staf;hbo;manager;nl;;ann@dijk.example;;;') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line 2: manager_email: team leaders go round in a circle \(chef@elders\.example → ann@dijk\.example → lead@dijk\.example → chef@elders\.example\)/);
  });

  it('active=nee deactivates: no messages, the seat goes to the waitlist, figures kept; ja brings the person back', async () => {
    const core = testCore(db);
    const ws = await aWorkshop(db, { capacity: 1, startsAt: new Date('2027-04-01T09:00:00Z') });
    const ann = await db.prisma.person.findUniqueOrThrow({ where: { email: 'ann@dijk.example' } });
    const bob = await db.prisma.person.findUniqueOrThrow({ where: { email: 'bob@dijk.example' } });
    await db.prisma.signup.create({ data: { workshopId: ws.id, personId: ann.id, status: 'CONFIRMED', confirmedAt: new Date() } });
    await db.prisma.workshop.update({ where: { id: ws.id }, data: { confirmedCount: 1, waitlistSeq: 1 } });
    await db.prisma.signup.create({ data: { workshopId: ws.id, personId: bob.id, status: 'WAITLISTED', waitlistSeq: 1 } });
    await db.prisma.outboxMessage.create({ data: { idempotencyKey: `x:${ann.id}`, kind: 'workshop.reminder', personId: ann.id, platform: 'SLACK', payload: {} } });
    // A message to a klus owner that names Ann ("Ann wil meedoen"): withdrawn as erasure would, with leaving's reason.
    const lead = await db.prisma.person.findUniqueOrThrow({ where: { email: 'lead@dijk.example' } });
    const klus = await db.prisma.klus.create({ data: { key: `k-leaver-${backend}`, title: 'Archief', ownerId: lead.id } });
    const hand = await db.prisma.klusInterest.create({ data: { klusId: klus.id, personId: ann.id } });
    await db.prisma.outboxMessage.create({ data: { idempotencyKey: `about:${ann.id}`, kind: 'klus.candidate', personId: lead.id, platform: 'SLACK', payload: { interestId: hand.id } } });
    void core;
    const r = await cli(db, ['import', 'people', 'l.csv'], { files: { 'l.csv': file(';;ann@dijk.example;Ann;Gemeente Dijk;Groen;MBO 3;employee;nl;;lead@dijk.example;E-1;Hovenier;nee') } });
    expect(r.stdout).toContain('1 deactivated');
    expect(r.stdout).toContain('leavers: 1 workshop seats given back');
    const left = await db.prisma.person.findUniqueOrThrow({ where: { id: ann.id } });
    expect(left.deactivatedAt).not.toBeNull();
    expect(left.erasedAt).toBeNull();
    expect((await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `x:${ann.id}` } })).status).toBe('CANCELLED');
    expect(await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `about:${ann.id}` } })).toMatchObject({ status: 'CANCELLED', lastError: 'person left' });
    const signups = await db.prisma.signup.findMany({ where: { workshopId: ws.id } });
    expect(signups.find((s) => s.personId === bob.id)?.status).toBe('CONFIRMED');
    expect(signups.find((s) => s.personId === ann.id)?.status).toBe('CANCELLED');
    // The waitlisted colleague is told they moved up.
    expect(await db.prisma.outboxMessage.count({ where: { personId: bob.id, kind: 'workshop.promoted' } })).toBe(1);
    const back = await cli(db, ['import', 'people', 'l.csv'], { files: { 'l.csv': file(';;ann@dijk.example;Ann;Gemeente Dijk;Groen;MBO 3;employee;nl;;lead@dijk.example;E-1;Hovenier;ja') } });
    expect(back.stdout).toContain('1 reactivated');
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: ann.id } })).deactivatedAt).toBeNull();
  });

  it('an older file without the new columns keeps working and keeps what they set', async () => {
    const old = 'platform;platform_user_id;email;name;organization;department;education_level;role;locale;skills\r\n;;ann@dijk.example;Ann;Gemeente Dijk;Groen;mbo3;employee;nl;\r\n';
    const r = await cli(db, ['import', 'people', 'o.csv'], { files: { 'o.csv': old } });
    expect(r.code).toBe(0);
    const ann = await db.prisma.person.findUniqueOrThrow({ where: { email: 'ann@dijk.example' }, include: { manager: true } });
    expect(ann.manager?.email).toBe('lead@dijk.example');
    expect(ann.employeeNumber).toBe('E-1');
  });
});
