import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { aWorkshop } from '../support/builders.js';
import { BACKENDS } from '../support/db.js';
import { compose, texts, useBroadcastWorld } from './support.js';

const rows = (db: Database, broadcastId: string) =>
  db.prisma.outboxMessage.findMany({ where: { broadcastId, kind: 'broadcast.message' }, orderBy: { personId: 'asc' } });

describe.each(BACKENDS)('composing and sending a broadcast (%s)', (backend) => {
  const world = useBroadcastWorld(backend);

  it('is for HR only, checked on every step', async () => {
    const employee = await world.region.actor(world.region.worker.id);
    expect(texts(await world.core.bot.text(employee, 'omroep'))).toContain('Alleen HR');
    const hr = await world.region.actor(world.region.hr1.id);
    const { id } = await compose(world.core, hr, {});
    // A replayed or forged button press by a non-HR person changes nothing.
    for (const action of ['broadcast.send', 'broadcast.approve', 'broadcast.recall', 'broadcast.view']) {
      expect(texts(await world.core.bot.action(employee, { action, value: id }))).toContain('niet doen met jouw rol');
    }
    expect((await world.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT');
    expect(await world.db.prisma.outboxMessage.count({ where: { broadcastId: id } })).toBe(0);
  });

  it('shows the form, a preview per language, and the exact number of recipients before sending', async () => {
    const hr = await world.region.actor(world.region.hr1.id);
    const overview = await world.core.bot.text(hr, 'omroep');
    const form = overview.messages[0]!.blocks.find((b) => b.type === 'form');
    expect(form?.type === 'form' && form.form.fields.map((f) => f.id)).toEqual(
      expect.arrayContaining(['title', 'text', 'title_en', 'text_en', 'button', 'organizations', 'departments', 'levels', 'roles', 'tags', 'when']),
    );
    const w = await aWorkshop(world.db, { title: 'Snoeien met de kettingzaag' });
    const { id, reply } = await compose(world.core, hr, {
      title: 'Snoeicursus',
      text: 'Er is een nieuwe cursus.',
      title_en: 'Pruning course',
      text_en: 'There is a new course.',
      button: w.key,
      departments: 'buitendienst',
    });
    // Two previews (nl, en) with the sign-up button, then the card.
    expect(reply.messages).toHaveLength(3);
    expect(reply.messages[1]!.text).toBe('Pruning course');
    expect(JSON.stringify(reply.messages[0]!.blocks)).toContain('Aanmelden');
    // Buitendienst: Wim, Bas and the imported Stil (unreachable); Pauline paused is left out.
    expect(texts(reply)).toContain('3 collega’s krijgen dit bericht.');
    expect(texts(reply)).toContain('Van hen is er 1 niet te bereiken');
    expect(texts(reply)).toContain('1 collega krijgt het niet');
    const sent = await world.core.bot.action(hr, { action: 'broadcast.send', value: id });
    expect(texts(sent)).toContain('naar 3 collega’s');
    const written = await rows(world.db, id);
    expect(written.map((r) => r.personId).sort()).toEqual([world.region.worker.id, world.region.boss.id, world.region.silent.id].sort());
    expect(written.find((r) => r.personId === world.region.silent.id)).toMatchObject({ status: 'FAILED', lastError: 'unreachable: no chat identity' });
    expect(new Set(written.map((r) => r.idempotencyKey)).size).toBe(3);
    const b = await world.db.prisma.broadcast.findUniqueOrThrow({ where: { id } });
    expect(b).toMatchObject({ status: 'SENDING', recipientCount: 3 });
    // Pressing send again (a double click, a second HR adviser) writes nothing more.
    expect(texts(await world.core.bot.action(hr, { action: 'broadcast.send', value: id }))).toContain('wordt verstuurd');
    expect(await rows(world.db, id)).toHaveLength(3);
    const trail = await world.db.prisma.auditLog.findMany({ where: { subject: id }, orderBy: { id: 'asc' } });
    expect(trail.map((a) => a.action)).toEqual(['broadcast.compose', 'broadcast.send']);
    expect(trail[1]).toMatchObject({ actorId: world.region.hr1.id, details: expect.objectContaining({ recipients: 3, audience: expect.objectContaining({ departments: ['buitendienst'] }) }) });
  });

  it('counts exactly the people who get a row, for every kind of audience', async () => {
    const hr = await world.region.actor(world.region.hr1.id);
    const audiences: Record<string, string | string[]>[] = [
      {},
      { organizations: [world.region.west.key] },
      { organizations: `${world.region.west.key}, ${world.region.oost.key}`, levels: 'mbo' },
      { roles: ['manager', 'hr'] },
      { tags: 'Excel, snoeien' },
      { departments: 'div', roles: 'employee' },
      { levels: ['wo'] },
    ];
    for (const audience of audiences) {
      const { id } = await compose(world.core, hr, audience);
      const count = await world.core.ctx.broadcasts.countAudience((await world.core.ctx.broadcasts.get(id))!.audience);
      await world.core.bot.action(hr, { action: 'broadcast.send', value: id });
      expect((await rows(world.db, id)).length, JSON.stringify(audience)).toBe(count.recipients);
    }
    const everyone = await world.core.ctx.broadcasts.countAudience({ organizations: [], departments: [], educationLevels: [], roles: [], tags: [] });
    expect(everyone.skipped).toBe(2);
  });

  it('says every problem in the form at once and keeps what was typed', async () => {
    const hr = await world.region.actor(world.region.hr1.id);
    const r = await world.core.bot.action(hr, {
      action: 'broadcast.form',
      value: '',
      form: { title: '', text: 'x', title_en: 'Only a title', button: 'geen-workshop', roles: 'koning', when: '2020-01-01 10:00' },
    });
    const t = texts(r);
    for (const part of ['Vul “Titel” in', 'Engelse titel en het Engelse bericht', 'rol “koning”', 'al voorbij']) expect(t).toContain(part);
    const form = r.messages[0]!.blocks.find((b) => b.type === 'form');
    expect(form?.type === 'form' && form.form.fields.find((f) => f.id === 'title_en')?.initial).toBe('Only a title');
    expect(await world.db.prisma.broadcast.count({ where: { title: '' } })).toBe(0);
    const unknown = await world.core.bot.action(hr, { action: 'broadcast.form', value: '', form: { title: 'T', text: 'x', button: 'ws-bestaat-niet' } });
    expect(texts(unknown)).toContain('geen workshop met de code “ws-bestaat-niet”');
  });

  it('schedules for later and starts when the moment comes', async () => {
    const hr = await world.region.actor(world.region.hr1.id);
    const { id, buttons } = await compose(world.core, hr, { when: '2027-03-02 08:30', roles: 'hr' });
    expect(buttons[0]!.label).toBe('Inplannen');
    const r = await world.core.bot.action(hr, { action: 'broadcast.send', value: id });
    expect(texts(r)).toMatch(/gaat op .* naar 2 collega’s/);
    expect(await world.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'SCHEDULED' });
    await world.core.broadcasts.tick(world.core.clock.now());
    expect(await rows(world.db, id)).toHaveLength(0);
    world.core.clock.advance(24 * 3600_000);
    await world.core.broadcasts.tick(world.core.clock.now());
    expect(await world.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'SENDING', recipientCount: 2 });
    expect(await rows(world.db, id)).toHaveLength(2);
    const trail = await world.db.prisma.auditLog.findMany({ where: { subject: id }, orderBy: { id: 'asc' } });
    expect(trail.map((a) => [a.action, a.actor])).toEqual([
      ['broadcast.compose', world.region.hr1.id],
      ['broadcast.schedule', world.region.hr1.id],
      ['broadcast.send', 'system'],
    ]);
  });

  it('recalls a scheduled broadcast before its moment: nothing is ever sent', async () => {
    const hr = await world.region.actor(world.region.hr1.id);
    const { id } = await compose(world.core, hr, { when: '2027-06-01 08:00' });
    await world.core.bot.action(hr, { action: 'broadcast.send', value: id });
    expect(texts(await world.core.bot.action(hr, { action: 'broadcast.recall', value: id }))).toContain('0 berichten gaan niet meer weg. 0 haal ik weg.');
    world.core.clock.advance(120 * 86_400_000);
    await world.core.broadcasts.tick(world.core.clock.now());
    expect(await world.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'RECALLED', startedAt: null });
    expect(await rows(world.db, id)).toHaveLength(0);
  });

  it('changes and discards drafts, never what is already sent', async () => {
    const hr = await world.region.actor(world.region.hr1.id);
    const { id } = await compose(world.core, hr, { title: 'Eerste versie' });
    const edit = await world.core.bot.action(hr, { action: 'broadcast.edit', value: id });
    const form = edit.messages[0]!.blocks.find((b) => b.type === 'form');
    expect(form?.type === 'form' && form.form.value).toBe(id);
    await world.core.bot.action(hr, { action: 'broadcast.form', value: id, form: { title: 'Tweede versie', text: 'Nieuw.' } });
    expect((await world.core.ctx.broadcasts.get(id))!.title).toBe('Tweede versie');
    await world.core.bot.action(hr, { action: 'broadcast.discard', value: id });
    expect(await world.core.ctx.broadcasts.get(id)).toBeNull();
    const { id: sentId } = await compose(world.core, hr, { roles: 'hr' });
    await world.core.bot.action(hr, { action: 'broadcast.send', value: sentId });
    expect(texts(await world.core.bot.action(hr, { action: 'broadcast.discard', value: sentId }))).toContain('kan nu niet');
    expect(texts(await world.core.bot.action(hr, { action: 'broadcast.form', value: sentId, form: { title: 'Stiekem', text: 'x' } }))).toContain('kan nu niet');
    expect((await world.core.ctx.broadcasts.get(sentId))!.title).toBe('Leerweek');
  });
});
