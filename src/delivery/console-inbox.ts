import type { Message } from '../core/messages.js';
import { editOf } from '../core/outbox.js';
import type { Actor } from '../core/people/person.js';
import { expiredFor } from './expiry.js';

/** Rows waiting for a person on the console platform, and their outcome; implemented in src/db/outbox. */
export interface ConsoleInbox {
  due(personId: string, now: Date, limit: number): Promise<{ id: bigint; kind: string; payload: Record<string, unknown>; dueAt: Date }[]>;
  /** True when this call settled the row (another console session may have taken it first). */
  settle(id: bigint, outcome: 'SENT' | 'CANCELLED', now: Date, reason?: string): Promise<boolean>;
}

export type ComposeMessage = (kind: string, payload: Record<string, unknown>, actor: Actor) => Promise<Message | null>;

/**
 * The console chat is its own sender: proactive messages queued for a person on the console platform are
 * delivered when that person's console session next looks, and marked sent then.
 */
export async function drainConsoleInbox(
  inbox: ConsoleInbox,
  compose: ComposeMessage,
  actor: Actor,
  now: Date,
  expiresAfter?: (kind: string) => number | undefined,
): Promise<Message[]> {
  const messages: Message[] = [];
  for (const row of await inbox.due(actor.person.id, now, 20)) {
    // Someone who looks a week later gets no reminder of a workshop long past.
    const late = expiredFor(row, expiresAfter?.(row.kind), now.getTime());
    if (late) {
      await inbox.settle(row.id, 'CANCELLED', now, late);
      continue;
    }
    // The console cannot change what it printed before: an edit is shown as a new message, or left out.
    const msg = editOf(row.payload)?.fallback === 'drop' ? null : await compose(row.kind, row.payload, actor);
    const settled = await inbox.settle(row.id, msg ? 'SENT' : 'CANCELLED', now);
    if (msg && settled) messages.push(msg);
  }
  return messages;
}
