import { describe, expect, it } from 'vitest';
import { createJobs } from '../../src/runtime/jobs.js';
import { aPerson, anActor, anOrganization } from '../support/builders.js';
import { BACKENDS } from '../support/db.js';
import { useTestWorld } from '../support/world.js';
import { aKlus, buttonFor, delivered, formOf, outboxFor, press, submit, textOf } from './support.js';

describe.each(BACKENDS)('deadline expiry and skills on %s', (backend) => {
  const world = useTestWorld(backend);
  const { clock } = world;

  const expireJob = () => createJobs(world.core, world.db).find((j) => j.name === 'klussen.expire')!;

  it('closes klussen past their deadline through the scheduled job and tells the owner once', async () => {
    const org = await anOrganization(world.db);
    const owner = await aPerson(world.db, { organizationId: org.id, roles: ['MANAGER'], locale: 'en' });
    const fan = await aPerson(world.db, { organizationId: org.id });
    const due = await aKlus(world.db, { title: 'Bomen tellen', ownerId: owner.id, organizationId: org.id, deadline: new Date('2027-03-05T22:59:59.999Z') });
    const later = await aKlus(world.db, { ownerId: owner.id, organizationId: org.id, deadline: new Date('2027-03-20T22:59:59.999Z') });
    const noDeadline = await aKlus(world.db, { ownerId: owner.id, organizationId: org.id, deadline: null });
    const f = await anActor(world.db, world.core, fan.id);
    await world.core.bot.action(f, { action: 'klus.join', value: due.id, form: { motivation: 'Ik tel graag' } });

    await expireJob().run(clock.now());
    expect((await world.db.prisma.klus.findUniqueOrThrow({ where: { id: due.id } })).status).toBe('OPEN');

    clock.current = new Date('2027-03-06T08:00:00Z');
    await expireJob().run(clock.now());
    await expireJob().run(clock.now());
    const statuses = await world.db.prisma.klus.findMany({ where: { id: { in: [due.id, later.id, noDeadline.id] } }, select: { id: true, status: true } });
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [due.id]: 'EXPIRED', [later.id]: 'OPEN', [noDeadline.id]: 'OPEN' });
    expect(await outboxFor(world.db, owner.id, 'klus.expired')).toHaveLength(1);

    // The owner hears it in English, can still choose from the candidates, or close the klus.
    const note = (await delivered(world.db, world.core, owner.id, 'klus.expired'))!;
    expect(textOf(note)).toContain('The sign-up time of your job “Bomen tellen” has ended');
    expect(textOf(note)).toContain('Number of candidates: 1.');
    const o = await anActor(world.db, world.core, owner.id);
    const candidates = await press(world.core, o, note, 'klus.candidates', due.id);
    expect(textOf(candidates)).toContain('Sign-up time over');
    const interest = await world.db.prisma.klusInterest.findFirstOrThrow({ where: { klusId: due.id } });
    expect(textOf(await press(world.core, o, candidates, 'klus.accept', interest.id))).toContain('You chose');

    // Nobody can raise a hand any more, and the list no longer shows it.
    expect(textOf(await world.core.bot.text(f, 'klussen Bomen tellen'))).toContain('Er zijn nu geen open klussen voor jou');
    const late = await aPerson(world.db, { organizationId: org.id });
    expect(textOf(await world.core.bot.action(await anActor(world.db, world.core, late.id), { action: 'klus.interest', value: due.id }))).toContain('Deze klus is niet meer open');
    // Once closed, the expiry note no longer applies.
    await press(world.core, o, note, 'klus.close', due.id);
    expect(await delivered(world.db, world.core, owner.id, 'klus.expired')).toBeNull();
    clock.current = new Date('2027-03-01T09:00:00Z');
  });

  it('keeps skills up to date in chat; confirmed skills stay; bad input keeps what was typed', async () => {
    const p = await aPerson(world.db, { skills: ['excel', 'tekenen'], locale: 'en' });
    await world.db.prisma.personSkill.update({ where: { personId_skill: { personId: p.id, skill: 'tekenen' } }, data: { confirmedAt: clock.now() } });
    const a = await anActor(world.db, world.core, p.id);
    const shown = await world.core.bot.text(a, 'skills');
    expect(textOf(shown)).toContain('What you can do: excel, tekenen ✓');
    expect(formOf(shown).fields[0]!.initial).toBe('excel, tekenen');

    const saved = await submit(world.core, a, shown, { skills: 'Excel, Schrijven; data-analyse' });
    expect(textOf(saved)).toContain('Saved.');
    expect(textOf(saved)).toContain('Confirmed skills stay: tekenen.');
    const rows = await world.db.prisma.personSkill.findMany({ where: { personId: p.id }, orderBy: { skill: 'asc' } });
    expect(rows.map((r) => r.skill)).toEqual(['data-analyse', 'excel', 'schrijven', 'tekenen']);

    const tooMany = Array.from({ length: 31 }, (_, i) => `vaardigheid ${i}`).join(', ');
    const refused = await submit(world.core, a, saved, { skills: tooMany });
    expect(textOf(refused)).toContain('That is too many. Name at most 30 skills.');
    expect(formOf(refused).fields[0]!.initial).toBe(tooMany);
    expect(await world.db.prisma.personSkill.count({ where: { personId: p.id } })).toBe(4);

    // In Dutch, by its Dutch word.
    await world.db.prisma.person.update({ where: { id: p.id }, data: { locale: 'nl' } });
    const nl = await world.core.bot.text(await anActor(world.db, world.core, p.id), 'vaardigheden');
    expect(textOf(nl)).toContain('Dit kun je: data-analyse, excel, schrijven, tekenen ✓');
    expect(buttonFor(await world.core.bot.text(await anActor(world.db, world.core, p.id), 'help'), 'nav.klussen').label).toBe('Klussen');
  });
});
