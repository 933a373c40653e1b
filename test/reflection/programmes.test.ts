import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvFileError } from '../../src/core/import/csv.js';
import { importProgrammes } from '../../src/core/reflection/import-programmes.js';
import { importPrompts } from '../../src/core/reflection/import-prompts.js';
import { runCommand } from '../../src/cli/commands.js';
import type { Database } from '../../src/db/database.js';
import { BACKENDS, testDatabase } from '../support/db.js';
import { anOrganization, FixedClock, testCore } from '../support/builders.js';
import { buttonValue, shown, someone, withLibrary, type TestCore } from './support.js';
import { cliDeps } from '../../src/runtime/admin-deps.js';
import { adminPorts } from '../../src/db/admin-store.js';

describe.each(BACKENDS)('programmes and HR’s prompts on %s', (backend) => {
  let db: Database;
  let core: TestCore;
  const clock = new FixedClock(new Date('2027-03-01T09:00:00Z'));

  beforeAll(async () => {
    db = await testDatabase(backend);
    core = testCore(db, clock);
    await withLibrary(db);
  });
  afterAll(async () => db?.close());

  const programmeId = async (key: string) => (await db.prisma.programme.findUniqueOrThrow({ where: { key } })).id;

  it('lets HR enrol a department of an organisation, or people by e-mail; checked on the server', async () => {
    const org = await anOrganization(db);
    const hr = await someone(db, core, { roles: ['HR'], organizationId: org.id, department: 'HR' });
    const outdoor = await Promise.all([1, 2, 3].map(() => someone(db, core, { organizationId: org.id, department: 'Buitendienst' })));
    const office = await someone(db, core, { organizationId: org.id, department: 'Burgerzaken', email: `bz-${Date.now()}@example.nl` });
    const manager = await someone(db, core, { roles: ['MANAGER'], organizationId: org.id });
    const id = await programmeId('zelfinzicht-7-stappen');

    const overview = await core.bot.text(hr.actor, 'programma');
    expect(shown(overview)).toContain('Programma’s beheren');
    const form = await core.bot.action(hr.actor, { action: 'programme.enrol_form', value: buttonValue(overview, 'programme.enrol_form') });
    expect(shown(form)).toContain('"id":"programme.enrol"');

    // A manager who replays HR's form submission is refused, and nobody is enrolled.
    const refused = await core.bot.action(manager.actor, { action: 'programme.enrol', value: id, form: { organization: org.id } });
    expect(shown(refused)).toContain('Dat mag je niet doen met jouw rol.');
    expect(shown(await core.bot.text(manager.actor, 'programma'))).not.toContain('Programma’s beheren');
    expect(await db.prisma.programmeEnrolment.count({ where: { programmeId: id } })).toBe(0);

    const r = await core.bot.action(hr.actor, { action: 'programme.enrol', value: id, form: { organization: org.id, department: 'buitendienst' } });
    expect(shown(r)).toContain('Ingeschreven voor “Zelfinzicht in 7 stappen”: 3. Deden al mee: 0.');
    const byMail = await core.bot.action(hr.actor, {
      action: 'programme.enrol',
      value: id,
      form: { emails: `${office.person.email}\nonbekend@example.nl`, organization: '', department: '' },
    });
    expect(shown(byMail)).toContain('Ingeschreven voor “Zelfinzicht in 7 stappen”: 1.');
    expect(shown(byMail)).toContain('onbekend@example.nl');
    const again = await core.bot.action(hr.actor, { action: 'programme.enrol', value: id, form: { organization: org.id, department: 'Buitendienst' } });
    expect(shown(again)).toContain('Ingeschreven voor “Zelfinzicht in 7 stappen”: 0. Deden al mee: 3.');
    const enrolled = await db.prisma.programmeEnrolment.findMany({ where: { programmeId: id } });
    expect(enrolled.map((e) => e.personId).sort()).toEqual([...outdoor.map((o) => o.person.id), office.person.id].sort());
    expect(await db.prisma.auditLog.count({ where: { action: 'programme.enrol', actorId: hr.person.id } })).toBe(3);

    // The person sees where they are, in their own language.
    expect(shown(await core.bot.text(outdoor[0]!.actor, 'programma'))).toContain('Je eerste stap komt binnenkort.');
    await db.prisma.person.update({ where: { id: outdoor[1]!.person.id }, data: { locale: 'en' } });
    const en = await core.bot.text({ ...outdoor[1]!.actor, locale: 'en' }, 'programme');
    expect(shown(en)).toContain('Self-insight in 7 steps');
    expect(shown(en)).toContain('Next step: Who am I?');
  });

  it('shows HR answer figures only for groups of five or more', async () => {
    const org = await anOrganization(db);
    const hr = await someone(db, core, { roles: ['HR'] });
    const small = await Promise.all([1, 2, 3, 4].map(() => someone(db, core, { organizationId: org.id })));
    const id = await programmeId('talent-100-dagen');
    await core.bot.action(hr.actor, { action: 'programme.enrol', value: id, form: { organization: org.id } });
    const item = (s: string) => s.slice(s.indexOf('100 dagen talent'), s.indexOf('100 dagen talent') + 300);
    expect(item(shown(await core.bot.text(hr.actor, 'programma')))).toContain('Minder dan 5 deelnemers');
    expect(item(shown(await core.bot.text(hr.actor, 'programma')))).not.toContain('Vragen beantwoord');
    await someone(db, core, { organizationId: org.id });
    await core.bot.action(hr.actor, { action: 'programme.enrol', value: id, form: { organization: org.id } });
    expect(item(shown(await core.bot.text(hr.actor, 'programma')))).toContain('Vragen beantwoord: 0. Overgeslagen: 0.');
    expect(small).toHaveLength(4);
  });

  it('imports HR’s own prompts and programmes from CSV: all rows checked, bad lines named, idempotent', async () => {
    const prompts = [
      'key;kind;theme;audiences;text_nl;text_en;follow_up_nl;follow_up_en;active',
      'hr-01;scenario;working-together;buitendienst|div;Een bewoner belt boos. Hoe zou jij dit aanpakken?;An angry resident calls. How would you handle this?;Wat hielp?;What helped?;ja',
      'hr-02;reflection;vitality;;Wat gaf je energie?;What gave you energy?;;;',
    ].join('\n');
    expect(await importPrompts(adminPorts(db.prisma).promptLibrary, prompts)).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(await importPrompts(adminPorts(db.prisma).promptLibrary, prompts)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect((await db.prisma.prompt.findUniqueOrThrow({ where: { key: 'hr-01' } })).source).toBe('hr');

    const bad = [
      'key,kind,theme,audiences,text_nl,text_en,follow_up_nl,follow_up_en,active',
      'hr-03,reflection,gezelligheid,,Tekst,Text,,,',
      'zelfinzicht-01,reflection,talent,,Tekst,Text,,,',
      'hr-04,reflection,talent,,Tekst,Text,Alleen Nederlands,,',
    ].join('\n');
    const err = await importPrompts(adminPorts(db.prisma).promptLibrary, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CsvFileError);
    expect((err as Error).message).toMatch(/line 2: theme: theme must be one of/);
    expect((err as Error).message).toMatch(/line 4: follow_up_en: follow_up_nl and follow_up_en go together/);
    expect(await db.prisma.prompt.count({ where: { key: { in: ['hr-03', 'hr-04'] } } })).toBe(0);
    const library = await importPrompts(adminPorts(db.prisma).promptLibrary, bad.split('\n').filter((_, i) => i !== 1 && i !== 3).join('\n')).catch((e: unknown) => e);
    expect((library as Error).message).toContain('line 2: key zelfinzicht-01 belongs to the shipped library');

    const programme = [
      'programme,name_nl,name_en,description_nl,description_en,step,phase_nl,phase_en,title_nl,title_en,prompt,offset_days',
      'mbo-dordt,Mbo-programma,Mbo programme,Zeven modules.,Seven modules.,1,Module 1,Module 1,Wie ben ik?,Who am I?,hr-02,0',
      'mbo-dordt,,,,,2,Module 2,Module 2,Netwerken,Networking,hr-01,14',
      'mbo-dordt,,,,,3,Afsluiting,Closing,Jouw pitch,Your pitch,,28',
    ].join('\n');
    expect(await importProgrammes(adminPorts(db.prisma).promptLibrary, programme)).toMatchObject({ created: 1 });
    expect(await importProgrammes(adminPorts(db.prisma).promptLibrary, programme)).toMatchObject({ unchanged: 1 });
    const steps = await db.prisma.programmeStep.findMany({ where: { programme: { key: 'mbo-dordt' } }, orderBy: { position: 'asc' } });
    expect(steps.map((s) => [s.position, s.titleNl, s.offsetDays, s.promptId !== null])).toEqual([
      [1, 'Wie ben ik?', 0, true],
      [2, 'Netwerken', 14, true],
      [3, 'Jouw pitch', 28, false],
    ]);
    // The same through the admin CLI: `vliegwiel import prompts <file.csv>`.
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), readFile: async () => Buffer.from(prompts), writeFile: async () => undefined };
    expect(await runCommand(['import', 'prompts', 'hr.csv'], io, async () => cliDeps(db, { timezone: 'Europe/Amsterdam', now: () => clock.now() }))).toBe(0);
    expect(out.join('\n')).toContain('prompts: 0 created, 0 updated, 2 unchanged');

    const broken = programme.replace(',hr-01,14', ',nope,14').replace(',28', ',7');
    const e2 = await importProgrammes(adminPorts(db.prisma).promptLibrary, broken).catch((e: unknown) => e);
    expect((e2 as Error).message).toContain('line 3: prompt nope is not a known prompt key');
    expect((e2 as Error).message).toContain('line 4: offset_days must not be earlier than step 2');
  });
});
