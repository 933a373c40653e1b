import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PromptPlanner } from '../../src/core/reflection/prompt-planner.js';
import type { Database } from '../../src/db/database.js';
import { createJobs } from '../../src/runtime/jobs.js';
import { BACKENDS, testDatabase } from '../support/db.js';
import { aWorkshop, anActor, FixedClock, testCore } from '../support/builders.js';
import { deliveryOf, inbox, shown, someone, withLibrary, type TestCore } from './support.js';

describe.each(BACKENDS)('prompts on each person’s rhythm, follow-ups and programme steps on %s', (backend) => {
  let db: Database;
  let core: TestCore;
  let planner: PromptPlanner;
  const clock = new FixedClock(new Date('2027-01-12T08:00:00Z'));

  beforeAll(async () => {
    db = await testDatabase(backend);
    core = testCore(db, clock);
    planner = new PromptPlanner(core.ctx.promptSchedule, 'Europe/Amsterdam');
    await withLibrary(db);
  });
  afterAll(async () => db?.close());

  const rows = (personId: string, kind: string) =>
    db.prisma.outboxMessage.findMany({ where: { personId, kind }, orderBy: { nextAttemptAt: 'asc' } });
  const runAt = async (iso: string) => {
    clock.current = new Date(iso);
    return planner.run(clock.now());
  };

  it('sends Tuesday 10:00 at 09:00 UTC in winter and 08:00 UTC in summer, once per slot', async () => {
    const { person } = await someone(db, core); // default rhythm: weekly, Tuesday, 10:00
    await runAt('2027-01-12T08:45:00Z'); // 09:45 CET: not yet
    expect(await rows(person.id, 'prompt.scheduled')).toHaveLength(0);
    await runAt('2027-01-12T09:00:00Z');
    await runAt('2027-01-12T09:15:00Z'); // the next run adds nothing
    const winter = await rows(person.id, 'prompt.scheduled');
    expect(winter.map((r) => r.nextAttemptAt.toISOString())).toEqual(['2027-01-12T09:00:00.000Z']);

    // Delivered (here: the console inbox), it is a prompt whose answer in chat finds its delivery.
    const [m] = await inbox(db, core, person.id);
    expect(shown(m)).toContain('Even nadenken');
    const d = await db.prisma.promptDelivery.findUniqueOrThrow({ where: { id: deliveryOf(m!) } });
    expect(d).toMatchObject({ reason: 'SCHEDULE', refId: 'schedule:2027-01-12', status: 'SENT' });
    await core.bot.text(await anActor(db, core, person.id), 'Mijn antwoord van dinsdag');
    expect((await db.prisma.promptDelivery.findUniqueOrThrow({ where: { id: d.id } })).status).toBe('ANSWERED');

    await runAt('2027-07-13T07:45:00Z'); // 09:45 CEST
    await runAt('2027-07-13T08:00:00Z');
    const summer = (await rows(person.id, 'prompt.scheduled')).map((r) => r.nextAttemptAt.toISOString());
    expect(summer).toEqual(['2027-01-12T09:00:00.000Z', '2027-07-13T08:00:00.000Z']);
  });

  it('follows the person’s own day, time and frequency, and nothing in the evening after a missed slot', async () => {
    const { person, actor } = await someone(db, core);
    const form = await core.bot.text(actor, 'ritme');
    expect(shown(form)).toContain('Je krijgt elke week op dinsdag om 10:00 een vraag.');
    const saved = await core.bot.action(actor, { action: 'rhythm.save', value: '', form: { every: '14', day: '4', time: '08:30' } });
    expect(shown(saved)).toContain('Je krijgt om de 2 weken op donderdag om 08:30 een vraag.');
    expect(shown(await core.bot.action(actor, { action: 'rhythm.save', value: '', form: { every: '7', day: '4', time: '23:00' } }))).toContain(
      'Dat klopt nog niet',
    );
    await runAt('2027-07-15T17:00:00Z'); // Thursday 19:00: the 08:30 slot was missed; not sent in the evening
    await runAt('2027-07-22T17:00:00Z');
    expect(await rows(person.id, 'prompt.scheduled')).toHaveLength(0);
    await runAt('2027-07-15T06:30:00Z');
    await runAt('2027-07-22T06:30:00Z');
    const sent = (await rows(person.id, 'prompt.scheduled')).map((r) => r.nextAttemptAt.toISOString());
    expect(sent).toHaveLength(1); // every two weeks: one of these two Thursdays
    expect(['2027-07-15T06:30:00.000Z', '2027-07-22T06:30:00.000Z']).toContain(sent[0]);
  });

  it('plans everyone of a large region, one page of people at a time, and each of them once', async () => {
    // 4,100 people on a Friday 07:00 rhythm of their own, more than two pages of the planner's reading.
    await db.prisma.$executeRaw`
      WITH p AS (INSERT INTO "Person" (id, name, locale, "promptWeekday", "promptTime", "updatedAt")
                 SELECT gen_random_uuid(), 'Regio ' || i, 'nl', 5, '07:00', now() FROM generate_series(1, 4100) i RETURNING id)
      INSERT INTO "ChannelIdentity" (id, platform, "tenantId", "userId", "personId", "conversationRef")
      SELECT gen_random_uuid(), 'SLACK', 'TREGIO', 'U-' || id, id, to_jsonb('D-' || id) FROM p`;
    const planned = () =>
      db.prisma.outboxMessage.count({ where: { kind: 'prompt.scheduled', person: { name: { startsWith: 'Regio ' } } } });
    await runAt('2027-07-16T05:00:00Z'); // Friday 07:00 CEST
    expect(await planned()).toBe(4100);
    await runAt('2027-07-16T05:15:00Z');
    expect(await planned()).toBe(4100);
  });

  it('plans nothing for paused people, people who opted out, or whose rhythm is off', async () => {
    const paused = await someone(db, core);
    await core.bot.text(paused.actor, 'pauze');
    const optedOut = await someone(db, core);
    await db.prisma.person.update({ where: { id: optedOut.person.id }, data: { optOuts: ['prompts'] } });
    const off = await someone(db, core);
    await core.bot.action(off.actor, { action: 'rhythm.save', value: '', form: { every: '0', day: '2', time: '10:00' } });
    await runAt('2027-07-20T08:00:00Z');
    for (const p of [paused, optedOut, off]) expect(await rows(p.person.id, 'prompt.scheduled')).toHaveLength(0);
    await core.bot.text(paused.actor, 'start');
    await runAt('2027-07-20T08:15:00Z');
    expect(await rows(paused.person.id, 'prompt.scheduled')).toHaveLength(1);
    // Someone who first said hello at 11:00 does not get that morning's 10:00 question.
    const newcomer = await someone(db, core);
    await db.prisma.person.update({ where: { id: newcomer.person.id }, data: { createdAt: new Date('2027-07-20T09:00:00Z') } });
    await runAt('2027-07-20T09:30:00Z');
    expect(await rows(newcomer.person.id, 'prompt.scheduled')).toHaveLength(0);
    await runAt('2027-07-27T08:00:00Z');
    expect(await rows(newcomer.person.id, 'prompt.scheduled')).toHaveLength(1);
  });

  it('follows up an attended workshop after about a day, a week and three weeks, on its theme', async () => {
    const [yes, no, unknown] = [await someone(db, core), await someone(db, core), await someone(db, core)];
    const w = await aWorkshop(db, { title: 'Grip op stress', tags: ['mentaal', 'stress'], startsAt: new Date('2027-03-16T08:30:00Z') });
    for (const [p, attended] of [[yes, true], [no, false], [unknown, null]] as const) {
      await db.prisma.signup.create({ data: { workshopId: w.id, personId: p.person.id, status: 'CONFIRMED', attended } });
    }
    await runAt('2027-03-17T08:45:00Z'); // Wednesday 09:45: not yet
    expect(await rows(yes.person.id, 'prompt.follow-up')).toHaveLength(0);
    await runAt('2027-03-17T09:00:00Z');
    await runAt('2027-03-23T09:00:00Z');
    await runAt('2027-04-06T08:00:00Z'); // after the switch to summer time: still 10:00 local
    await runAt('2027-04-06T08:15:00Z');
    const planned = await rows(yes.person.id, 'prompt.follow-up');
    expect(planned.map((r) => [(r.payload as { stage: string }).stage, r.nextAttemptAt.toISOString()])).toEqual([
      ['1d', '2027-03-17T09:00:00.000Z'],
      ['1w', '2027-03-23T09:00:00.000Z'],
      ['3w', '2027-04-06T08:00:00.000Z'],
    ]);
    expect(await rows(no.person.id, 'prompt.follow-up')).toHaveLength(0);
    expect(await rows(unknown.person.id, 'prompt.follow-up')).toHaveLength(0);

    const messages = await inbox(db, core, yes.person.id);
    const followUps = messages.filter((m) => shown(m).includes('Grip op stress'));
    expect(followUps).toHaveLength(3);
    expect(shown(followUps[0])).toContain('Je was kort geleden bij de workshop “Grip op stress”.');
    expect(shown(followUps[2])).toContain('Drie weken geleden was je bij de workshop “Grip op stress”.');
    const deliveries = await db.prisma.promptDelivery.findMany({ where: { personId: yes.person.id, reason: 'FOLLOW_UP' }, include: { prompt: true } });
    expect(deliveries).toHaveLength(3);
    expect(deliveries.every((d) => d.prompt.theme === 'vitality')).toBe(true);
  });

  it('delivers programme steps on their days, the latest due one after a pause, and completes', async () => {
    const { person, actor } = await someone(db, core);
    const programme = await db.prisma.programme.findUniqueOrThrow({ where: { key: 'talent-100-dagen' }, include: { steps: true } });
    await core.ctx.programmes.enrol(programme.id, [person.id], person.id, new Date('2027-03-01T09:00:00Z'));
    const enrolment = () => db.prisma.programmeEnrolment.findFirstOrThrow({ where: { personId: person.id } });
    await runAt('2027-03-01T09:00:00Z'); // Monday 10:00: step 1 (day 0)
    await runAt('2027-03-01T09:15:00Z');
    expect((await rows(person.id, 'prompt.programme')).map((r) => (r.payload as { position: number }).position)).toEqual([1]);
    const [first] = (await inbox(db, core, person.id)).filter((m) => shown(m).includes('100 dagen talent'));
    expect(shown(first)).toContain('100 dagen talent · Ontdekken');
    expect(shown(first)).toContain('Je doet nu mee aan “100 dagen talent”.');
    expect(shown(first)).toContain('Stap 1 van 11: Waar ben je trots op?');
    expect(shown(await core.bot.text(actor, 'programma'))).toContain('Fase: Ontdekken. Stap 1 van 11.');

    await core.bot.text(actor, 'pauze');
    await runAt('2027-03-08T09:00:00Z'); // step 2 is due, but the person paused: it waits
    expect((await enrolment()).lastStep).toBe(1);
    await core.bot.text(actor, 'start');
    await runAt('2027-03-22T09:00:00Z'); // steps 2 and 3 are due now: only the latest is sent
    expect((await enrolment()).lastStep).toBe(3);
    await runAt('2027-12-01T09:00:00Z');
    const e = await enrolment();
    expect(e.lastStep).toBe(11);
    expect(e.completedAt).not.toBeNull();
    expect((await rows(person.id, 'prompt.programme')).map((r) => (r.payload as { position: number }).position)).toEqual([1, 3, 11]);
    expect(shown(await core.bot.text(actor, 'programma'))).toContain('Je hebt alle stappen van dit programma gehad.');
  });

  it('runs as the scheduler’s job every 15 minutes, on the bot’s clock', async () => {
    const job = createJobs(core, db).find((j) => j.name === 'reflection.prompts')!;
    expect(job.cron).toBe('*/15 * * * *');
    const { person } = await someone(db, core);
    clock.current = new Date('2027-08-03T08:00:00Z'); // Tuesday 10:00 CEST
    await job.run(new Date('2027-08-03T07:00:00Z')); // a catch-up of an older fire still judges by the clock
    expect((await rows(person.id, 'prompt.scheduled')).map((r) => r.nextAttemptAt.toISOString())).toEqual(['2027-08-03T08:00:00.000Z']);
  });
});
