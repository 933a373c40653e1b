import { describe, expect, it } from 'vitest';
import { aWorkshop } from '../support/builders.js';
import { compose, formValues, texts, useBroadcastWorld } from './support.js';

describe('the broadcast form and a broadcast’s end (postgres)', () => {
  const world = useBroadcastWorld('postgres');

  it('names every mistake at once, the unknown workshop code too, keeps what was typed and shows codes that exist', async () => {
    const hr = await world.region.actor(world.region.hr1.id);
    const w = await aWorkshop(world.db, { title: 'Excel voor beginners', startsAt: new Date('2027-03-10T09:00:00Z') });
    const typed = formValues({ title: '', button: 'ws-excel-1', when: 'morgen vroeg', roles: 'baas', departments: 'buitendienst' });
    const r = await world.core.bot.action(hr, { action: 'broadcast.form', value: '', form: typed });
    const text = r.messages[0]!.text;
    expect(text).toContain('Vul “Titel');
    expect(text).toContain('Ik ken geen workshop met de code “ws-excel-1”.');
    expect(text).toContain(`${w.key} (Excel voor beginners)`);
    expect(text).toContain('Ik snap het moment “morgen vroeg” niet. Schrijf het zo: 05-03-2027 09:00.');
    expect(text).toContain('Ik ken de rol “baas” niet.');
    const form = r.messages[0]!.blocks.flatMap((b) => (b.type === 'form' ? [b.form] : []))[0]!;
    const field = (id: string) => form.fields.find((f) => f.id === id)!;
    expect(field('button').initial).toBe('ws-excel-1');
    expect(field('when').initial).toBe('morgen vroeg');
    expect(field('button').placeholder).toContain(w.key);
    // Departments are offered as the choices people are in.
    expect(field('departments').kind).toBe('multiselect');
    expect(field('departments').options!.map((o) => o.value)).toEqual(expect.arrayContaining(['buitendienst', 'div']));
    expect(field('departments').initial).toBe('buitendienst');
  });

  it('accepts the Dutch way of writing a moment and shows it back with a weekday', async () => {
    const hr = await world.region.actor(world.region.hr1.id);
    const { reply } = await compose(world.core, hr, { when: '05-03-2027 09:00', roles: 'hr' });
    expect(texts(reply)).toContain('vr 5 mrt 09:00');
  });

  it('offers no send button for an audience of nobody and refuses a forged click', async () => {
    const hr = await world.region.actor(world.region.hr1.id);
    const { id, buttons } = await compose(world.core, hr, { departments: 'sterrenkunde' });
    expect(buttons.map((b) => b.action)).not.toContain('broadcast.send');
    const r = await world.core.bot.action(hr, { action: 'broadcast.send', value: id });
    expect(texts(r)).toContain('Niemand past bij deze ontvangers.');
    expect((await world.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT');
    expect(await world.db.prisma.outboxMessage.count({ where: { broadcastId: id } })).toBe(0);
  });

  it('ends when only console readers are left (the bot has no console sender), and says why messages did not arrive', async () => {
    const hr = await world.region.actor(world.region.hr1.id);
    const { id } = await compose(world.core, hr, { roles: 'employee' });
    await world.core.bot.action(hr, { action: 'broadcast.send', value: id });
    expect((await world.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).status).toBe('SENDING');
    await world.core.broadcasts.tick(new Date());
    expect((await world.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).status).toBe('SENDING');
    // Nobody opened the console for two minutes: the broadcast does not wait for them any longer.
    await world.db.prisma.outboxMessage.updateMany({ where: { broadcastId: id }, data: { dueAt: new Date(Date.now() - 120_000) } });
    await world.core.broadcasts.tick(new Date());
    expect((await world.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).status).toBe('SENT');
    const summary = await world.db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'broadcast.summary', payload: { path: ['broadcastId'], equals: id } } });
    const msg = await world.core.bot.compose('broadcast.summary', summary.payload as Record<string, unknown>, hr);
    const said = JSON.stringify(msg);
    expect(said).toContain('lezen het in de console chat');
    expect(said).toContain('Waarom berichten niet aankwamen:');
    expect(said).toContain('niet bereikbaar in de chat');
  });

  it('ends a broadcast whose messages waited past their expiry, cancelling them as expired', async () => {
    const hr = await world.region.actor(world.region.hr1.id);
    const { id } = await compose(world.core, hr, { roles: 'employee' });
    await world.core.bot.action(hr, { action: 'broadcast.send', value: id });
    await world.db.prisma.outboxMessage.updateMany({ where: { broadcastId: id }, data: { platform: 'SLACK' } });
    await world.core.broadcasts.tick(new Date(Date.now() + 3 * 86_400_000));
    expect((await world.db.prisma.broadcast.findUniqueOrThrow({ where: { id } })).status).toBe('SENT');
    const left = await world.db.prisma.outboxMessage.findMany({ where: { broadcastId: id, kind: 'broadcast.message', status: 'CANCELLED' } });
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((r) => r.lastError === 'expired: not sent in time')).toBe(true);
  });
});
