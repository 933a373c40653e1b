import { describe, expect, it } from 'vitest';
import { BACKENDS } from '../support/db.js';
import { compose, texts, useBroadcastWorld } from './support.js';

describe.each(BACKENDS)('four-eyes approval with BROADCAST_APPROVAL=true (%s)', (backend) => {
  const world = useBroadcastWorld(backend, { approval: true });

  const messages = (id: string) => world.db.prisma.outboxMessage.count({ where: { broadcastId: id } });
  const status = async (id: string) => (await world.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).status;

  it('sends only after a second HR person approved, never on the author’s own word', async () => {
    const author = await world.region.actor(world.region.hr1.id);
    const approver = await world.region.actor(world.region.hr2.id);
    const employee = await world.region.actor(world.region.worker.id);
    const { id, buttons } = await compose(world.core, author, { roles: 'manager' });
    expect(buttons.map((b) => b.action)).toEqual(['broadcast.ask', 'broadcast.edit', 'broadcast.discard']);

    // The send button of an old card, replayed: refused on the server.
    expect(texts(await world.core.bot.action(author, { action: 'broadcast.send', value: id }))).toContain('eerst goedkeuren');
    expect(await messages(id)).toBe(0);

    await world.core.bot.action(author, { action: 'broadcast.ask', value: id });
    expect(await status(id)).toBe('PENDING_APPROVAL');
    const requests = await world.db.prisma.outboxMessage.findMany({ where: { kind: 'broadcast.approval', payload: { path: ['broadcastId'], equals: id } } });
    expect(requests.map((r) => r.personId)).toEqual([world.region.hr2.id]);
    // The request the approver gets: the message itself and the buttons to decide.
    const request = await world.core.bot.compose('broadcast.approval', { broadcastId: id }, approver);
    expect(JSON.stringify(request)).toContain('Hanna HR vraagt je');
    expect(request!.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.action) : []))).toEqual(['broadcast.approve', 'broadcast.reject']);

    expect(texts(await world.core.bot.action(author, { action: 'broadcast.approve', value: id }))).toContain('eigen bericht niet goedkeuren');
    expect(texts(await world.core.bot.action(employee, { action: 'broadcast.approve', value: id }))).toContain('niet doen met jouw rol');
    expect(await status(id)).toBe('PENDING_APPROVAL');
    expect(await messages(id)).toBe(0);

    const approved = await world.core.bot.action(approver, { action: 'broadcast.approve', value: id });
    expect(texts(approved)).toContain('goedgekeurd');
    expect(await world.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'SENDING', approvedById: world.region.hr2.id, recipientCount: 1 });
    expect(await messages(id)).toBe(1);
    // A second approval (both approvers clicked) writes nothing more.
    await world.core.bot.action(approver, { action: 'broadcast.approve', value: id });
    expect(await messages(id)).toBe(1);
    const decision = await world.db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'broadcast.decision', personId: world.region.hr1.id } });
    expect(JSON.stringify(await world.core.bot.compose(decision.kind, decision.payload as Record<string, unknown>, author))).toContain('Henk HR heeft');
    const trail = await world.db.prisma.auditLog.findMany({ where: { subject: id }, orderBy: { id: 'asc' } });
    expect(trail.map((a) => [a.action, a.actorId])).toEqual([
      ['broadcast.compose', world.region.hr1.id],
      ['broadcast.ask_approval', world.region.hr1.id],
      ['broadcast.approve', world.region.hr2.id],
      ['broadcast.send', world.region.hr2.id],
    ]);
  });

  it('sends a rejected message back to draft, and a changed message needs approval again', async () => {
    const author = await world.region.actor(world.region.hr1.id);
    const approver = await world.region.actor(world.region.hr2.id);
    const { id } = await compose(world.core, author, { roles: 'manager' });
    await world.core.bot.action(author, { action: 'broadcast.ask', value: id });
    await world.core.bot.action(approver, { action: 'broadcast.reject', value: id });
    expect(await status(id)).toBe('DRAFT');
    await world.core.bot.action(author, { action: 'broadcast.ask', value: id });
    // Changed while waiting: back to draft, the earlier request no longer approves anything.
    await world.core.bot.action(author, { action: 'broadcast.form', value: id, form: { title: 'Anders', text: 'Nieuwe tekst' } });
    expect(await status(id)).toBe('DRAFT');
    expect(texts(await world.core.bot.action(approver, { action: 'broadcast.approve', value: id }))).toContain('kan nu niet');
    expect(await world.core.bot.compose('broadcast.approval', { broadcastId: id }, approver)).toBeNull();
    expect(await messages(id)).toBe(0);
  });

  it('schedules an approved message for its moment', async () => {
    const author = await world.region.actor(world.region.hr1.id);
    const approver = await world.region.actor(world.region.hr2.id);
    const { id } = await compose(world.core, author, { roles: 'hr', when: '2027-03-05 09:00' });
    await world.core.bot.action(author, { action: 'broadcast.ask', value: id });
    await world.core.bot.action(approver, { action: 'broadcast.approve', value: id });
    expect(await world.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'SCHEDULED', approvedById: world.region.hr2.id });
    expect(await messages(id)).toBe(0);
  });
});
