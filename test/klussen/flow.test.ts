import { describe, expect, it } from 'vitest';
import { aPerson, anActor, anOrganization } from '../support/builders.js';
import { BACKENDS } from '../support/db.js';
import { useTestWorld } from '../support/world.js';
import { aKlus, buttonFor, buttonsOf, delivered, formOf, outboxFor, press, submit, textOf } from './support.js';

describe.each(BACKENDS)('raising a hand, release and choosing on %s', (backend) => {
  const world = useTestWorld(backend);
  const { clock } = world;

  it('shows the best skill match first, confirmed skills weighing double, and filters by words', async () => {
    const org = await anOrganization(world.db);
    const p = await aPerson(world.db, { organizationId: org.id, skills: ['excel', 'planning', 'tekenen'] });
    const tag = `t${Date.now()}`;
    await aKlus(world.db, { title: `${tag} geen`, skills: ['zwemmen'], organizationId: org.id, openToRegion: false });
    await aKlus(world.db, { title: `${tag} een`, skills: ['excel', 'riolering'], openToRegion: true });
    await aKlus(world.db, { title: `${tag} twee`, skills: ['excel', 'planning'], openToRegion: true });
    await aKlus(world.db, { title: `${tag} tekenen`, skills: ['tekenen'], openToRegion: true });
    await aKlus(world.db, { title: `${tag} elders`, skills: ['excel', 'planning', 'tekenen'], organizationId: (await anOrganization(world.db)).id, openToRegion: false });
    const actor = await anActor(world.db, world.core, p.id);
    const order = async (words: string) => {
      const list = (await world.core.bot.text(actor, words)).messages[0]!;
      return list.blocks.flatMap((b) => (b.type === 'item' ? [b.title] : [])).filter((t) => t.startsWith(tag));
    };
    // Another organisation's own klus is not shown at all; among the rest, more (and fuller) overlap first.
    expect(await order(`klussen ${tag}`)).toEqual([`${tag} twee`, `${tag} tekenen`, `${tag} een`, `${tag} geen`]);
    expect(await order(`jobs ${tag} riolering`)).toEqual([`${tag} een`]);
    // An owner confirmed "tekenen" after an earlier klus: it now counts double and that klus rises to the top.
    await world.db.prisma.personSkill.update({ where: { personId_skill: { personId: p.id, skill: 'tekenen' } }, data: { confirmedAt: clock.now() } });
    expect((await order(`klussen ${tag}`))[0]).toBe(`${tag} tekenen`);
  });

  it('joins with a motivation, the own manager releases the hours, the owner chooses and confirms skills', async () => {
    const dijk = await anOrganization(world.db);
    const linge = await anOrganization(world.db);
    const owner = await aPerson(world.db, { name: 'Olga Eigenaar', organizationId: dijk.id, roles: ['MANAGER'], locale: 'en' });
    const boss = await aPerson(world.db, { name: 'Bert Baas', organizationId: linge.id, roles: ['MANAGER'] });
    const kees = await aPerson(world.db, { name: 'Kees Kandidaat', organizationId: linge.id, managerId: boss.id, skills: ['archiveren', 'excel'] });
    const priya = await aPerson(world.db, { name: 'Priya Ramdin', organizationId: dijk.id, skills: ['scannen'], locale: 'en' });
    const klus = await aKlus(world.db, { title: 'Archief opruimen', skills: ['archiveren', 'scannen'], ownerId: owner.id, organizationId: dijk.id, openToRegion: true });
    const k = await anActor(world.db, world.core, kees.id);

    // "Ik doe mee" opens the motivation form; sending it raises the hand and asks Kees's manager.
    const list = await world.core.bot.text(k, 'klussen Archief opruimen');
    const form = await press(world.core, k, list, 'klus.interest', klus.id);
    expect(formOf(form)).toMatchObject({ id: 'klus.join', value: klus.id });
    const joined = await submit(world.core, k, form, { motivation: 'Ik ken het archief goed.' });
    expect(textOf(joined)).toContain('Leuk! De eigenaar van “Archief opruimen” ziet dat je mee wilt doen.');
    expect(textOf(joined)).toContain('Je leidinggevende krijgt een vraag');
    expect(buttonFor(joined, 'klus.withdraw', klus.id).label).toBe('Toch niet');
    const interest = await world.db.prisma.klusInterest.findFirstOrThrow({ where: { klusId: klus.id, personId: kees.id } });
    expect(interest).toMatchObject({ status: 'INTERESTED', releaseStatus: 'PENDING', releaserId: boss.id, motivation: 'Ik ken het archief goed.' });

    // Priya has no manager: no release needed. She raises her hand from the "past bij jou" style list, in English.
    const p = await anActor(world.db, world.core, priya.id);
    const pForm = await press(world.core, p, await world.core.bot.text(p, 'jobs'), 'klus.interest', klus.id);
    expect(textOf(await submit(world.core, p, pForm, { motivation: '' }))).toContain('Great! The owner of “Archief opruimen” can see');
    expect(await outboxFor(world.db, owner.id, 'klus.candidate')).toHaveLength(2);

    // The owner cannot choose Kees before his manager answers.
    const o = await anActor(world.db, world.core, owner.id);
    const candidates = await press(world.core, o, (await delivered(world.db, world.core, owner.id, 'klus.candidate'))!, 'klus.candidates', klus.id);
    expect(textOf(candidates)).toContain('Candidates for “Archief opruimen”');
    expect(textOf(candidates)).toContain('Kees Kandidaat');
    expect(textOf(candidates)).toContain('Ik ken het archief goed.');
    expect(textOf(candidates)).toContain('Waiting for an answer');
    expect(buttonsOf(candidates).filter((b) => b.action === 'klus.accept').map((b) => b.value)).not.toContain(interest.id);
    const early = await world.core.bot.action(o, { action: 'klus.accept', value: interest.id });
    expect(textOf(early)).toContain('The manager of Kees Kandidaat has to release the hours first');
    expect((await world.db.prisma.klusInterest.findUniqueOrThrow({ where: { id: interest.id } })).status).toBe('INTERESTED');

    // The manager gets the request (in Dutch) and approves it; Kees and the owner hear it.
    const b = await anActor(world.db, world.core, boss.id);
    const request = await delivered(world.db, world.core, boss.id, 'klus.release-request');
    expect(textOf(request!)).toContain('Kees Kandidaat wil meedoen aan de klus “Archief opruimen”');
    expect(textOf(request!)).toContain('Motivatie van Kees Kandidaat: “Ik ken het archief goed.”');
    const approved = await press(world.core, b, request!, 'klus.release.approve');
    expect(textOf(approved)).toContain('Je geeft Kees Kandidaat uren vrij');
    expect(buttonsOf(approved.update!)).toEqual([]);
    expect(textOf((await delivered(world.db, world.core, kees.id, 'klus.release-decision'))!)).toContain('Je leidinggevende geeft je uren vrij');
    expect(textOf((await delivered(world.db, world.core, owner.id, 'klus.release-decision'))!)).toContain('You can now choose Kees Kandidaat');
    // Answered is answered: the request is no longer delivered, and a second click changes nothing.
    expect(await delivered(world.db, world.core, boss.id, 'klus.release-request')).toBeNull();
    expect(textOf(await press(world.core, b, request!, 'klus.release.decline'))).toContain('Je had hier al op geantwoord');

    // The owner accepts Kees and declines Priya; each hears it in their own language.
    const fresh = await world.core.bot.action(o, { action: 'klus.candidates', value: klus.id });
    const accepted = await press(world.core, o, fresh, 'klus.accept', interest.id);
    expect(textOf(accepted)).toContain('You chose Kees Kandidaat for “Archief opruimen”');
    expect(textOf((await delivered(world.db, world.core, kees.id, 'klus.decision'))!)).toContain('Goed nieuws! Je bent gekozen voor de klus “Archief opruimen”. Olga Eigenaar neemt contact');
    const priyaInterest = await world.db.prisma.klusInterest.findFirstOrThrow({ where: { klusId: klus.id, personId: priya.id } });
    const declined = await press(world.core, o, accepted, 'klus.decline', priyaInterest.id);
    expect(textOf(declined)).toContain('You declined Priya Ramdin');
    expect(textOf((await delivered(world.db, world.core, priya.id, 'klus.decision'))!)).toContain('You have not been chosen for the job “Archief opruimen”');

    // Filled: nobody is left waiting. Then the owner confirms what Kees showed.
    const filled = await press(world.core, o, declined, 'klus.fill', klus.id);
    expect(textOf(filled)).toContain('“Archief opruimen” is filled.');
    expect((await world.db.prisma.klus.findUniqueOrThrow({ where: { id: klus.id } })).status).toBe('FILLED');
    const confirmForm = await press(world.core, o, filled, 'klus.confirm-skills', interest.id);
    expect(formOf(confirmForm).fields[0]!.options!.map((x) => x.value)).toEqual(['archiveren', 'scannen', 'excel']);
    const confirmed = await submit(world.core, o, confirmForm, { skills: ['archiveren', 'excel'] });
    expect(textOf(confirmed)).toContain('Confirmed for Kees Kandidaat: archiveren, excel.');
    const skills = await world.db.prisma.personSkill.findMany({ where: { personId: kees.id }, orderBy: { skill: 'asc' } });
    expect(skills.map((s) => [s.skill, s.confirmedById])).toEqual([['archiveren', owner.id], ['excel', owner.id]]);
    expect(textOf((await delivered(world.db, world.core, kees.id, 'klus.skills-confirmed'))!)).toContain('deed je dit goed: archiveren, excel');
    // Kees sees it in "mijn klussen" and his skills.
    const mine = await world.core.bot.text(await anActor(world.db, world.core, kees.id), 'mijn klussen');
    expect(textOf(mine)).toContain('Gekozen');
    expect(textOf(await world.core.bot.text(await anActor(world.db, world.core, kees.id), 'vaardigheden'))).toContain('archiveren ✓');
  });

  it('tells the candidate when the manager declines, and the owner cannot choose them then', async () => {
    const org = await anOrganization(world.db);
    const owner = await aPerson(world.db, { organizationId: org.id, roles: ['MANAGER'] });
    const boss = await aPerson(world.db, { organizationId: org.id, roles: ['MANAGER'], locale: 'en' });
    const sam = await aPerson(world.db, { name: 'Sam', organizationId: org.id, managerId: boss.id, locale: 'en' });
    const klus = await aKlus(world.db, { title: 'Open dag', ownerId: owner.id, organizationId: org.id, openToRegion: false });
    const s = await anActor(world.db, world.core, sam.id);
    await world.core.bot.action(s, { action: 'klus.join', value: klus.id, form: { motivation: 'Leuk!' } });
    const b = await anActor(world.db, world.core, boss.id);
    const request = await delivered(world.db, world.core, boss.id, 'klus.release-request');
    expect(textOf(request!)).toContain('Sam wants to join the job “Open dag”');
    expect(textOf(await press(world.core, b, request!, 'klus.release.decline'))).toContain('You do not release hours for Sam');
    expect(textOf((await delivered(world.db, world.core, sam.id, 'klus.release-decision'))!)).toContain('Your manager does not release hours for you');
    const interest = await world.db.prisma.klusInterest.findFirstOrThrow({ where: { klusId: klus.id, personId: sam.id } });
    const o = await anActor(world.db, world.core, owner.id);
    expect(textOf(await world.core.bot.action(o, { action: 'klus.accept', value: interest.id }))).toContain('geeft geen uren vrij. Daarom kun je Sam niet kiezen');
    expect((await world.db.prisma.klusInterest.findUniqueOrThrow({ where: { id: interest.id } })).status).toBe('INTERESTED');
  });

  it('lets a candidate withdraw at any time; the pending release request then lapses', async () => {
    const org = await anOrganization(world.db);
    const owner = await aPerson(world.db, { organizationId: org.id, roles: ['MANAGER'] });
    const boss = await aPerson(world.db, { organizationId: org.id, roles: ['MANAGER'] });
    const ann = await aPerson(world.db, { organizationId: org.id, managerId: boss.id });
    const klus = await aKlus(world.db, { ownerId: owner.id, organizationId: org.id });
    const a = await anActor(world.db, world.core, ann.id);
    await world.core.bot.action(a, { action: 'klus.join', value: klus.id, form: { motivation: 'Graag' } });
    // The same form sent twice raises one hand and asks the manager once.
    const twice = await world.core.bot.action(a, { action: 'klus.join', value: klus.id, form: { motivation: 'Graag' } });
    expect(textOf(twice)).toContain('Je had al laten weten');
    expect(await outboxFor(world.db, boss.id, 'klus.release-request')).toHaveLength(1);
    const mine = await world.core.bot.text(a, 'mijn klussen');
    const withdrawn = await press(world.core, a, mine, 'klus.withdraw', klus.id);
    expect(textOf(withdrawn)).toContain('Je doet niet meer mee');
    expect(await delivered(world.db, world.core, boss.id, 'klus.release-request')).toBeNull();
    expect(await delivered(world.db, world.core, owner.id, 'klus.candidate')).toBeNull();
    const o = await anActor(world.db, world.core, owner.id);
    expect(textOf(await world.core.bot.action(o, { action: 'klus.candidates', value: klus.id }))).toContain('Er zijn nog geen kandidaten');
    // Raising the hand again asks the manager again.
    await world.core.bot.action(a, { action: 'klus.join', value: klus.id, form: { motivation: 'Toch wel' } });
    expect(await outboxFor(world.db, boss.id, 'klus.release-request')).toHaveLength(2);
    expect(await delivered(world.db, world.core, boss.id, 'klus.release-request')).not.toBeNull();
  });
});
