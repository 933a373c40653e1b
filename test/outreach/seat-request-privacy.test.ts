import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/core/outbox.js';
import { pruneRequests, requestSeat } from '../../src/core/outreach/seat-requests.js';
import { aPerson, anActor, aWorkshop } from '../support/builders.js';
import { useTestWorld } from '../support/world.js';

const w = useTestWorld('postgres');

describe('seat requests are personal data (AVG)', () => {
  it('an unconfirmed request expires (never past the workshop’s start) and is removed; decided ones after 30 days', async () => {
    const leader = await aPerson(w.db, { roles: ['EMPLOYEE', 'MANAGER'] });
    const soon = await aWorkshop(w.db, { startsAt: new Date(w.clock.now().getTime() + 2 * DAY) });
    const later = await aWorkshop(w.db, { startsAt: new Date(w.clock.now().getTime() + 30 * DAY) });
    expect(await requestSeat(w.core.outreach, { workshopId: soon.id, name: 'Piet Puk', teamLeaderId: leader.id })).toMatchObject({ ok: true });
    expect(await requestSeat(w.core.outreach, { workshopId: later.id, name: 'Piet Puk', teamLeaderId: leader.id })).toMatchObject({ ok: true });
    const rows = await w.db.prisma.seatRequest.findMany({ where: { teamLeaderId: leader.id }, orderBy: { expiresAt: 'asc' } });
    expect(rows.map((r) => r.expiresAt)).toEqual([soon.startsAt, new Date(w.clock.now().getTime() + 7 * DAY)]);

    const start = w.clock.now();
    w.clock.advance(3 * DAY);
    try {
      expect(await pruneRequests(w.core.outreach)).toBeGreaterThanOrEqual(1);
      expect(await w.db.prisma.seatRequest.count({ where: { teamLeaderId: leader.id } })).toBe(1);
      // The team leader refuses the other; it is kept 30 days (a second tap is answered), then removed.
      const actor = await anActor(w.db, w.core, leader.id);
      await w.core.bot.action(actor, { action: 'seat_request.refuse', value: rows[1]!.id });
      w.clock.advance(29 * DAY);
      await pruneRequests(w.core.outreach);
      expect(await w.db.prisma.seatRequest.count({ where: { teamLeaderId: leader.id } })).toBe(1);
      w.clock.advance(2 * DAY);
      await pruneRequests(w.core.outreach);
      expect(await w.db.prisma.seatRequest.count({ where: { teamLeaderId: leader.id } })).toBe(0);
    } finally {
      w.clock.current = start;
    }
  });

  it('export shows them to the person and to their team leader; erasure of either removes them', async () => {
    const leader = await aPerson(w.db, { roles: ['EMPLOYEE', 'MANAGER'] });
    const workshop = await aWorkshop(w.db, { startsAt: new Date(w.clock.now().getTime() + 10 * DAY) });
    await requestSeat(w.core.outreach, { workshopId: workshop.id, name: 'Daan Dijkstra', teamLeaderId: leader.id });
    await requestSeat(w.core.outreach, { workshopId: workshop.id, name: 'Eva Eikema', teamLeaderId: leader.id });
    const [daan] = await w.db.prisma.seatRequest.findMany({ where: { teamLeaderId: leader.id, name: 'Daan Dijkstra' } });
    const reply = await w.core.bot.action(await anActor(w.db, w.core, leader.id), { action: 'seat_request.confirm', value: daan!.id });
    expect(reply.update?.text).toContain('Daan Dijkstra is aangemeld');
    const person = await w.db.prisma.person.findFirstOrThrow({ where: { name: 'Daan Dijkstra', managerId: leader.id } });

    const mine = await w.core.ctx.privacy.export(person.id);
    expect(mine.seatRequests).toHaveLength(1);
    expect(mine.seatRequests[0]).toMatchObject({ name: 'Daan Dijkstra', status: 'CONFIRMED' });
    const leaders = await w.core.ctx.privacy.export(leader.id);
    expect(leaders.seatRequests.map((r) => r.name).sort()).toEqual(['Daan Dijkstra', 'Eva Eikema']);

    await w.core.ctx.privacy.erase(person.id, w.clock.now());
    expect(await w.db.prisma.seatRequest.count({ where: { name: 'Daan Dijkstra' } })).toBe(0);
    await w.core.ctx.privacy.erase(leader.id, w.clock.now());
    expect(await w.db.prisma.seatRequest.count({ where: { teamLeaderId: leader.id } })).toBe(0);
  });
});
