import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Button, Form, Message, Reply } from '../../src/core/messages.js';
import type { Actor } from '../../src/core/people/person.js';
import type { Database } from '../../src/db/database.js';
import { anActor, type testCore } from '../support/builders.js';

export type Core = ReturnType<typeof testCore>;

const uniq = () => randomBytes(4).toString('hex');

/** An open klus as an import would store it; dates as the tests of this folder use them (clock: 1 March 2027). */
export async function aKlus(
  db: Database,
  over: Partial<{
    title: string;
    skills: string[];
    ownerId: string;
    organizationId: string;
    openToRegion: boolean;
    deadline: Date | null;
    status: 'DRAFT' | 'OPEN' | 'FILLED' | 'CLOSED' | 'EXPIRED';
    hoursPerWeek: number;
  }> = {},
) {
  return db.prisma.klus.create({
    data: {
      key: `k-${uniq()}`,
      title: `Klus ${uniq()}`,
      description: 'Help een paar uur per week mee.',
      skills: [],
      hoursPerWeek: 4,
      startsOn: new Date('2027-04-01'),
      endsOn: new Date('2027-06-30'),
      deadline: new Date('2027-03-20T22:59:59.999Z'),
      status: 'OPEN',
      ...over,
    },
  });
}

/** Every message of a reply, the redrawn card first (as Teams shows it). */
export const messagesOf = (r: Reply): Message[] => [...(r.update ? [r.update] : []), ...r.messages];

export const textOf = (r: Reply | Message) => JSON.stringify('messages' in r ? messagesOf(r) : r);

export function buttonsOf(r: Reply | Message): Button[] {
  const ms = 'messages' in r ? messagesOf(r) : [r];
  return ms.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : b.type === 'item' ? (b.buttons ?? []) : [])));
}

export function formOf(r: Reply | Message): Form {
  const ms = 'messages' in r ? messagesOf(r) : [r];
  const form = ms.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'form' ? [b.form] : [])))[0];
  expect(form, 'a form in the reply').toBeDefined();
  return form!;
}

/** The button for `action` (with `value` when several), as a person would find it in the reply. */
export function buttonFor(r: Reply | Message, action: string, value?: string): Button {
  const b = buttonsOf(r).find((x) => x.action === action && (value === undefined || x.value === value));
  expect(b, `button ${action} in ${textOf(r).slice(0, 400)}`).toBeDefined();
  return b!;
}

/** Clicks a button of a reply, as a channel would: the action id and its value go back to the bot. */
export const press = (core: Core, actor: Actor, r: Reply | Message, action: string, value?: string) => {
  const b = buttonFor(r, action, value);
  return core.bot.action(actor, { action: b.action, value: b.value });
};

/** Submits a form found in a reply with these field values. */
export const submit = (core: Core, actor: Actor, r: Reply | Message, values: Record<string, string | string[]>) => {
  const f = formOf(r);
  return core.bot.action(actor, { action: f.id, value: f.value ?? '', form: values });
};

/** Outbox rows of one kind for a person, oldest first. */
export const outboxFor = (db: Database, personId: string, kind: string) =>
  db.prisma.outboxMessage.findMany({ where: { personId, kind }, orderBy: { id: 'asc' } });

/** The one message of `kind` waiting for the person, composed as the outbox worker would at delivery. */
export async function delivered(db: Database, core: Core, personId: string, kind: string): Promise<Message | null> {
  const rows = await outboxFor(db, personId, kind);
  expect(rows.length, `${kind} rows for ${personId}`).toBeGreaterThan(0);
  const row = rows[rows.length - 1]!;
  return core.bot.compose(row.kind, row.payload as Record<string, unknown>, await anActor(db, core, personId));
}

/** Everything a refused action must leave alone. */
export async function snapshot(db: Database) {
  const [klussen, interests, outbox, skills] = await Promise.all([
    db.prisma.klus.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, title: true, updatedAt: true } }),
    db.prisma.klusInterest.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, releaseStatus: true, motivation: true } }),
    db.prisma.outboxMessage.count(),
    db.prisma.personSkill.findMany({ orderBy: [{ personId: 'asc' }, { skill: 'asc' }], select: { personId: true, skill: true, confirmedAt: true } }),
  ]);
  return { klussen, interests, outbox, skills };
}

/** A post form filled in correctly (clock: 1 March 2027). */
export const goodPost = (over: Record<string, string | string[]> = {}) => ({
  title: 'Archief opruimen',
  description: 'Oude dozen uitzoeken en scannen.',
  skills: 'Archiveren, scannen',
  hours: '6',
  startsOn: '2027-04-01',
  endsOn: '2027-06-30',
  location: 'Stadhuis',
  openTo: 'regio',
  deadline: '2027-03-20',
  ...over,
});
