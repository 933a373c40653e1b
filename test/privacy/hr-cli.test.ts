import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { aPerson, aWorkshop, anActor, FixedClock, testCore } from '../support/builders.js';
import { cli } from '../support/cli.js';
import { BACKENDS, testDatabase } from '../support/db.js';

const NOW = new Date('2027-03-01T09:00:00Z');

/** HR handles an AVG request that came by e-mail or letter: the same export and erasure as in chat, audited. */
describe.each(BACKENDS)('HR privacy requests through the CLI on %s', (backend) => {
  let db: Database;
  let core: ReturnType<typeof testCore>;
  beforeAll(async () => {
    db = await testDatabase(backend);
    core = testCore(db, new FixedClock(NOW));
  });
  afterAll(async () => db?.close());

  /** A person with something of everything, a past workshop and a full one still to come with someone waiting. */
  async function someone(email: string) {
    const p = await aPerson(db, { name: 'Fatima Bakker', email, skills: ['excel'] });
    await db.prisma.channelIdentity.create({ data: { platform: 'SLACK', tenantId: 'T1', userId: `U${p.id.slice(0, 8)}`, personId: p.id } });
    const me = await anActor(db, core, p.id);
    const past = await aWorkshop(db, { capacity: 5 });
    await core.workshops.signUp(me, { w: past.id, q: '', o: 0 });
    await db.prisma.workshop.update({ where: { id: past.id }, data: { startsAt: new Date('2027-02-01T09:00:00Z'), endsAt: new Date('2027-02-01T11:00:00Z') } });
    const future = await aWorkshop(db, { capacity: 1, startsAt: new Date('2027-04-20T09:00:00Z') });
    await core.workshops.signUp(me, { w: future.id, q: '', o: 0 });
    const waiting = await anActor(db, core, (await aPerson(db)).id);
    await core.workshops.signUp(waiting, { w: future.id, q: '', o: 0 });
    await db.prisma.reflection.create({ data: { personId: p.id, text: 'Mijn geheime gedachte' } });
    await db.prisma.goal.create({ data: { personId: p.id, text: 'Leren presenteren' } });
    await db.prisma.engagementEvent.create({ data: { personId: p.id, kind: 'prompt.answered', data: { reason: 'SCHEDULE' } } });
    return { p, past, future, waiting, slack: `slack:U${p.id.slice(0, 8)}` };
  }

  it('exports everything about a person to a file or the terminal, in JSON or Markdown, and audits it as the CLI', async () => {
    const { p, slack } = await someone(`fatima-${backend}@x.example`);
    const r = await cli(db, ['privacy', 'export', `Fatima-${backend}@X.example`, '--out', 'fatima.json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`person ${p.id}`);
    const json = JSON.parse(r.written['fatima.json']!);
    expect(json.person.name).toBe('Fatima Bakker');
    expect(json.reflections.map((x: { text: string }) => x.text)).toEqual(['Mijn geheime gedachte']);
    expect(json.goals.map((x: { text: string }) => x.text)).toEqual(['Leren presenteren']);
    expect(json.signups).toHaveLength(2);

    const md = await cli(db, ['privacy', 'export', slack, '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('# Wat Vliegwiel over Fatima Bakker weet');
    expect(md.stdout).toContain('Mijn geheime gedachte');

    const trail = await db.prisma.auditLog.findMany({ where: { action: 'privacy.export', subject: p.id } });
    expect(trail).toHaveLength(2);
    expect(trail.every((t) => t.actor === 'cli' && t.actorId === null)).toBe(true);
    expect(trail[0]!.details).toEqual({ via: 'cli' });
    // No download link is made: HR hands the file over themselves.
    expect(await db.prisma.download.count({ where: { personId: p.id } })).toBe(0);
  });

  it('shows what erasure would do without --yes and changes nothing', async () => {
    const { p } = await someone(`dry-${backend}@x.example`);
    const r = await cli(db, ['privacy', 'erase', `dry-${backend}@x.example`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/1 reflections .* 2 sign-ups .*1 seats still to come given back/);
    expect(r.stderr).toContain('Nothing was erased');
    expect(await db.prisma.reflection.count({ where: { personId: p.id } })).toBe(1);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: p.id } })).erasedAt).toBeNull();
    expect(await db.prisma.auditLog.count({ where: { action: 'privacy.erase', subject: p.id } })).toBe(0);
  });

  it('erases with --yes exactly as the chat does: dossier gone, history anonymised, future seat to the waitlist, audited', async () => {
    const { p, past, future, waiting } = await someone(`erase-${backend}@x.example`);
    const r = await cli(db, ['privacy', 'erase', `erase-${backend}@x.example`, '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`erased: person ${p.id}`);
    expect(await db.prisma.reflection.count({ where: { personId: p.id } })).toBe(0);
    expect(await db.prisma.goal.count({ where: { personId: p.id } })).toBe(0);
    expect(await db.prisma.channelIdentity.count({ where: { personId: p.id } })).toBe(0);
    const person = await db.prisma.person.findUniqueOrThrow({ where: { id: p.id } });
    expect([person.email, person.name === 'Fatima Bakker', person.erasedAt === null]).toEqual([null, false, false]);
    // The past sign-up still counts, without a name; the seat to come went to the one waiting.
    const kept = await db.prisma.signup.findMany({ where: { workshopId: past.id } });
    expect(kept.map((s) => [s.personId, s.status])).toEqual([[null, 'CONFIRMED']]);
    expect(await core.ctx.workshops.signupStatus(future.id, waiting.person.id)).toBe('CONFIRMED');
    // Signals stay countable but say nothing about the person any more.
    const events = await db.prisma.engagementEvent.findMany({ where: { kind: 'prompt.answered', personId: null } });
    expect(events.some((e) => e.data === null)).toBe(true);
    expect(await db.prisma.engagementEvent.count({ where: { personId: p.id } })).toBe(0);
    const trail = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'privacy.erase', subject: p.id } });
    expect([trail.actor, trail.details]).toEqual(['cli', { via: 'cli' }]);

    // Asked twice: the person is no longer found, and the CLI says so without a stack trace.
    const again = await cli(db, ['privacy', 'erase', p.id, '--yes']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^No person /);
  });

  it('answers a wrong call with its usage and an unknown person with a clear line', async () => {
    expect((await cli(db, ['privacy', 'export'])).code).toBe(2);
    expect((await cli(db, ['privacy', 'forget', 'a@b.example'])).stderr).toContain('usage: privacy export');
    expect((await cli(db, ['privacy', 'export', 'a@b.example', '--format', 'pdf'])).code).toBe(2);
    const unknown = await cli(db, ['privacy', 'export', 'niemand@x.example']);
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('No person niemand@x.example')]);
  });
});
