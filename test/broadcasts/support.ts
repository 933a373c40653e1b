import { openRepositories } from '../../src/db/index.js';
import { respectsPause } from '../../src/app.js';
import { afterAll, beforeAll } from 'vitest';
import { createCore } from '../../src/app.js';
import type { Reply } from '../../src/core/messages.js';
import type { Actor } from '../../src/core/people/person.js';
import type { Sender } from '../../src/core/ports.js';
import type { Database } from '../../src/db/database.js';
import { OutboxStore } from '../../src/db/outbox/outbox-store.js';
import { OutboxWorker } from '../../src/delivery/outbox-worker.js';
import { createLogger } from '../../src/logger.js';
import { aPerson, anActor, anOrganization, FixedClock, settings } from '../support/builders.js';
import { testDatabase, type Backend } from '../support/db.js';

export const NOW = new Date('2027-03-01T09:00:00Z');

export function broadcastCore(db: Database, opts: { approval?: boolean; clock?: FixedClock } = {}) {
  const clock = opts.clock ?? new FixedClock(NOW);
  return { clock, ...createCore(openRepositories(db), { ...settings, broadcastApproval: opts.approval ?? false }, createLogger('silent'), clock) };
}

export type BroadcastCore = ReturnType<typeof broadcastCore>;

/**
 * The suite's world: a migrated database of the given kind, the broadcast core on it and the region, set up
 * before the suite's tests and closed after them. Read its fields inside tests (they exist once `beforeAll` ran).
 */
export function useBroadcastWorld(backend: Backend, opts: { approval?: boolean } = {}) {
  const world = {} as { db: Database; core: BroadcastCore; region: Awaited<ReturnType<typeof aRegion>> };
  beforeAll(async () => {
    world.db = await testDatabase(backend);
    world.core = broadcastCore(world.db, opts);
    world.region = await aRegion(world.db, world.core);
  });
  afterAll(async () => world.db?.close());
  return world;
}

/**
 * A small region: two organisations, two HR advisers, and employees who differ in each audience attribute,
 * plus people who must be left out (paused, opted out) and one who cannot be reached in chat.
 */
export async function aRegion(db: Database, core: BroadcastCore) {
  const west = await anOrganization(db);
  const oost = await anOrganization(db);
  const hr1 = await aPerson(db, { name: 'Hanna HR', roles: ['HR'], organizationId: west.id });
  const hr2 = await aPerson(db, { name: 'Henk HR', roles: ['HR'], organizationId: oost.id });
  const worker = await aPerson(db, { name: 'Wim', organizationId: west.id, department: 'Buitendienst', skills: ['snoeien'] });
  await db.prisma.person.update({ where: { id: worker.id }, data: { educationLevel: 'mbo' } });
  const clerk = await aPerson(db, { name: 'Clara', organizationId: west.id, department: 'DIV', locale: 'en', skills: ['excel'] });
  await db.prisma.person.update({ where: { id: clerk.id }, data: { educationLevel: 'hbo' } });
  const boss = await aPerson(db, { name: 'Bas', organizationId: oost.id, department: 'Buitendienst', roles: ['MANAGER'] });
  const paused = await aPerson(db, { name: 'Pauline', organizationId: west.id, department: 'Buitendienst' });
  await db.prisma.person.update({ where: { id: paused.id }, data: { paused: true } });
  const optedOut = await aPerson(db, { name: 'Otto', organizationId: oost.id });
  await db.prisma.person.update({ where: { id: optedOut.id }, data: { optOuts: ['broadcasts'] } });
  // Imported, never talked to the bot: no chat identity.
  const silent = await db.prisma.person.create({ data: { name: 'Stil', organizationId: west.id, department: 'buitendienst' } });
  const actor = (id: string) => anActor(db, core, id);
  return { west, oost, hr1, hr2, worker, clerk, boss, paused, optedOut, silent, actor };
}

/** Every text of a reply, blocks included (headers, fields, buttons), to look for words in. */
export const texts = (r: Reply) => JSON.stringify([r.update, ...r.messages].filter(Boolean));

/** The form values an HR adviser types, with every other field empty. */
export const formValues = (v: Record<string, string | string[]>) => ({ title: 'Leerweek', text: 'Doe mee aan de leerweek.', ...v });

/** Composes a broadcast through the chat, as an HR adviser would, and returns its id. */
export async function compose(core: BroadcastCore, actor: Actor, values: Record<string, string | string[]>) {
  const r = await core.bot.action(actor, { action: 'broadcast.form', value: '', form: formValues(values) });
  const card = r.messages.at(-1)!;
  const buttons = card.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
  const id = buttons[0]?.value;
  if (!id) throw new Error(`no draft: ${texts(r)}`);
  return { id, reply: r, buttons };
}

export function aWorker(db: Database, core: BroadcastCore, sender: Sender, leaseMs = 60_000) {
  return new OutboxWorker(new OutboxStore(db.prisma), (row, a) => core.bot.compose(row.kind, row.payload, a), createLogger('silent'), undefined, {
    senders: [sender],
    rates: { CONSOLE: Infinity, SLACK: Infinity, TEAMS: Infinity },
    concurrency: 8,
    respectsPause,
    pollMs: 20,
    leaseMs,
  });
}

export async function until(cond: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 25));
  }
}
