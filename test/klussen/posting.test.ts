import { respectsPause } from '../../src/app.js';
import { describe, expect, it, vi } from 'vitest';
import { OutboxStore } from '../../src/db/outbox/outbox-store.js';
import { OutboxWorker } from '../../src/delivery/outbox-worker.js';
import { createLogger } from '../../src/logger.js';
import { RecordingSender } from '../support/recording-sender.js';
import { aPerson, anActor, anOrganization } from '../support/builders.js';
import { BACKENDS } from '../support/db.js';
import { useTestWorld } from '../support/world.js';
import { buttonFor, delivered, formOf, goodPost, outboxFor, press, submit, textOf } from './support.js';

describe.each(BACKENDS)('posting a klus on %s', (backend) => {
  const world = useTestWorld(backend);
  const { clock } = world;

  it('form → mistakes kept → preview → publish, and the klus reaches fitting people of both municipalities', async () => {
    const dijk = await anOrganization(world.db);
    const linge = await anOrganization(world.db);
    const manager = await aPerson(world.db, { organizationId: dijk.id, roles: ['MANAGER'], skills: ['archiveren'] });
    const fitsHere = await aPerson(world.db, { organizationId: dijk.id, skills: ['archiveren', 'excel'] });
    const fitsThere = await aPerson(world.db, { organizationId: linge.id, skills: ['scannen'], locale: 'en' });
    const noFit = await aPerson(world.db, { organizationId: linge.id, skills: ['bestrating'] });
    const paused = await aPerson(world.db, { organizationId: dijk.id, skills: ['archiveren'] });
    await world.db.prisma.person.update({ where: { id: paused.id }, data: { paused: true } });
    const optedOut = await aPerson(world.db, { organizationId: dijk.id, skills: ['scannen'] });
    await world.db.prisma.person.update({ where: { id: optedOut.id }, data: { optOuts: ['klussen'] } });
    const m = await anActor(world.db, world.core, manager.id);

    const start = await world.core.bot.text(m, 'klus plaatsen');
    expect(formOf(start).fields.map((f) => f.id)).toEqual(['title', 'description', 'skills', 'hours', 'startsOn', 'endsOn', 'location', 'openTo', 'deadline']);

    // A mistake: a friendly list, the form again with everything typed, and nothing stored.
    const wrong = await submit(world.core, m, start, goodPost({ hours: 'veel', deadline: '2027-02-01' }));
    expect(textOf(wrong)).toContain('Dit klopt nog niet');
    expect(textOf(wrong)).toContain('Vul bij “Uren per week” een heel getal in');
    expect(textOf(wrong)).toContain('is al voorbij');
    expect(formOf(wrong).fields.find((f) => f.id === 'title')!.initial).toBe('Archief opruimen');
    expect(await world.db.prisma.klus.count({ where: { ownerId: manager.id } })).toBe(0);

    const preview = await submit(world.core, m, wrong, goodPost());
    expect(textOf(preview)).toContain('Voorbeeld van je klus');
    const draft = await world.db.prisma.klus.findFirstOrThrow({ where: { ownerId: manager.id } });
    expect(draft).toMatchObject({ status: 'DRAFT', skills: ['archiveren', 'scannen'], hoursPerWeek: 6, openToRegion: true, organizationId: dijk.id });
    // A draft is nobody else's business yet.
    const other = await anActor(world.db, world.core, fitsHere.id);
    expect(textOf(await world.core.bot.text(other, 'klussen'))).not.toContain('Archief opruimen');

    // Edit the draft through its form, then publish.
    const editing = await press(world.core, m, preview, 'klus.edit');
    expect(formOf(editing).value).toBe(draft.id);
    const preview2 = await submit(world.core, m, editing, goodPost({ title: 'Archief opruimen na de verhuizing' }));
    expect(await world.db.prisma.klus.count({ where: { ownerId: manager.id } })).toBe(1);
    const published = await press(world.core, m, preview2, 'klus.publish');
    expect(textOf(published)).toContain('staat nu in de Klussenbank');
    expect(textOf(published)).toContain('2 collega’s met passende vaardigheden krijgen een bericht');
    expect((await world.db.prisma.klus.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe('OPEN');

    // "Past bij jou" for the two who fit, in their own language; not for the paused, the opted-out, the misfit, the owner.
    for (const p of [fitsHere, fitsThere]) expect(await outboxFor(world.db, p.id, 'klus.match')).toHaveLength(1);
    for (const p of [noFit, paused, optedOut, manager]) expect(await outboxFor(world.db, p.id, 'klus.match')).toHaveLength(0);
    const nlMatch = await delivered(world.db, world.core, fitsHere.id, 'klus.match');
    expect(textOf(nlMatch!)).toContain('Deze klus past bij jou');
    expect(textOf(nlMatch!)).toContain('Past bij je: archiveren');
    const enMatch = await delivered(world.db, world.core, fitsThere.id, 'klus.match');
    expect(textOf(enMatch!)).toContain('This job fits you');
    expect(buttonFor(enMatch!, 'klus.interest').label).toBe('I’m interested');

    // Publishing twice is harmless.
    const again = await world.core.bot.action(m, { action: 'klus.publish', value: draft.id });
    expect(textOf(again)).toContain('Dit concept bestaat niet meer');
    expect(await outboxFor(world.db, fitsHere.id, 'klus.match')).toHaveLength(1);
  });

  it('keeps to the weekly cap and to the own organisation when the klus is not region-wide', async () => {
    const org = await anOrganization(world.db);
    const elsewhere = await anOrganization(world.db);
    const manager = await aPerson(world.db, { organizationId: org.id, roles: ['MANAGER'], locale: 'en' });
    const fan = await aPerson(world.db, { organizationId: org.id, skills: ['tekenen'] });
    const outsider = await aPerson(world.db, { organizationId: elsewhere.id, skills: ['tekenen'] });
    const m = await anActor(world.db, world.core, manager.id);
    const post = async (title: string, openTo = 'organisatie') => {
      const form = await world.core.bot.text(m, 'post job');
      const preview = await submit(world.core, m, form, goodPost({ title, skills: 'tekenen', openTo }));
      return press(world.core, m, preview, 'klus.publish');
    };
    const first = await post('Poster maken');
    expect(textOf(first)).toContain('One colleague with matching skills will get a message');
    expect(await outboxFor(world.db, outsider.id, 'klus.match')).toHaveLength(0);
    await post('Tweede poster', 'regio');
    // The fan had one this week already; the outsider had none and the second klus is region-wide.
    expect(await outboxFor(world.db, fan.id, 'klus.match')).toHaveLength(1);
    expect(await outboxFor(world.db, outsider.id, 'klus.match')).toHaveLength(1);
    clock.advance(8 * 86_400_000);
    await post('Derde poster');
    expect(await outboxFor(world.db, fan.id, 'klus.match')).toHaveLength(2);
    clock.current = new Date('2027-03-01T09:00:00Z');
  });

  it('announces a published klus in the organisation’s Slack channel, through the outbox, in the poster’s workspace', async () => {
    const dijk = await anOrganization(world.db);
    const linge = await anOrganization(world.db);
    await world.db.prisma.organization.update({ where: { id: dijk.id }, data: { klusChannel: 'slack:C0KLUSSEN' } });
    // Stored before the setting named its platform: a bare id is a Slack channel.
    await world.db.prisma.organization.update({ where: { id: linge.id }, data: { klusChannel: 'C0LINGE01' } });
    const publish = async (org: { id: string }, title: string, slackTeam: string | null) => {
      const manager = await aPerson(world.db, { organizationId: org.id, roles: ['MANAGER'] });
      if (slackTeam) await world.db.prisma.channelIdentity.create({ data: { platform: 'SLACK', tenantId: slackTeam, userId: `U${manager.id.slice(0, 8)}`, personId: manager.id, lastSeenAt: new Date() } });
      const m = await anActor(world.db, world.core, manager.id);
      await press(world.core, m, await submit(world.core, m, await world.core.bot.text(m, 'klus plaatsen'), goodPost({ title })), 'klus.publish');
    };
    await publish(dijk, 'Kantine opknappen', 'T0DIJK');
    // This poster is not on Slack; a colleague of the organisation is, and gives the workspace.
    await publish(linge, 'Archief ordenen', null);
    const colleague = await aPerson(world.db, { organizationId: linge.id });
    await world.db.prisma.channelIdentity.create({ data: { platform: 'SLACK', tenantId: 'T0LINGE', userId: 'U0COLLEGA', personId: colleague.id } });
    await publish(linge, 'Dossiers scannen', null);
    const rows = await world.db.prisma.outboxMessage.findMany({ where: { kind: 'klus.announce', personId: null }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.platform, r.tenantId, (r.payload as { channel: string }).channel])).toEqual([
      ['SLACK', 'T0DIJK', 'C0KLUSSEN'],
      ['SLACK', 'T0LINGE', 'C0LINGE01'],
    ]);

    const slack = new RecordingSender('SLACK');
    const worker = new OutboxWorker(new OutboxStore(world.db.prisma), (row, a) => world.core.bot.compose(row.kind, row.payload, a), createLogger('silent'), undefined, {
      senders: [slack],
      rates: { SLACK: 100 },
      concurrency: 4,
      respectsPause,
      pollMs: 20,
    });
    worker.start();
    try {
      await vi.waitFor(async () => expect(await world.db.prisma.outboxMessage.count({ where: { kind: 'klus.announce', status: 'SENT' } })).toBe(2), { timeout: 10_000 });
    } finally {
      await worker.stop();
    }
    expect(slack.calls.map((c) => [c.target.tenantId, c.target.conversationRef])).toEqual([
      ['T0DIJK', 'C0KLUSSEN'],
      ['T0LINGE', 'C0LINGE01'],
    ]);
    expect(textOf(slack.calls[0]!.message)).toContain('Nieuwe klus in de Klussenbank: “Kantine opknappen”');
    expect(JSON.stringify(slack.calls[1]!.message)).toContain('klus.interest');
  });

  it('lets a manager discard a draft, and tells employees kindly that posting is for managers', async () => {
    const org = await anOrganization(world.db);
    const manager = await aPerson(world.db, { organizationId: org.id, roles: ['MANAGER'] });
    const employee = await aPerson(world.db, { organizationId: org.id });
    const m = await anActor(world.db, world.core, manager.id);
    const preview = await submit(world.core, m, await world.core.bot.text(m, 'klus plaatsen'), goodPost());
    const gone = await press(world.core, m, preview, 'klus.discard');
    expect(textOf(gone)).toContain('Je concept is weggegooid');
    expect(await world.db.prisma.klus.count({ where: { ownerId: manager.id } })).toBe(0);

    const e = await anActor(world.db, world.core, employee.id);
    for (const words of ['klus plaatsen', 'post job']) {
      const r = await world.core.bot.text(e, words);
      expect(textOf(r)).toContain('Alleen leidinggevenden en HR kunnen een klus plaatsen');
      expect(r.messages[0]!.blocks.some((b) => b.type === 'form')).toBe(false);
    }
    const forged = await world.core.bot.action(e, { action: 'klus.form', value: '', form: goodPost() });
    expect(textOf(forged)).toContain('Alleen leidinggevenden en HR');
    expect(await world.db.prisma.klus.count({ where: { ownerId: employee.id } })).toBe(0);
  });
});
