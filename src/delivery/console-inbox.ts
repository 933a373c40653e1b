import type { Bot } from '../core/chat/bot.js';
import type { Message } from '../core/messages.js';
import { editOf } from '../core/outbox.js';
import type { Actor } from '../core/people/person.js';
import type { Database } from '../db/database.js';

/**
 * The console chat is its own sender: proactive messages queued for a person on the console platform are
 * delivered when that person's console session next looks, and marked sent then.
 */
export async function drainConsoleInbox(db: Database, bot: Bot, actor: Actor, now: Date): Promise<Message[]> {
  const rows = await db.prisma.outboxMessage.findMany({
    where: { personId: actor.person.id, platform: 'CONSOLE', status: 'PENDING', nextAttemptAt: { lte: now } },
    orderBy: { id: 'asc' },
    take: 20,
  });
  const messages: Message[] = [];
  for (const row of rows) {
    const payload = row.payload as Record<string, unknown>;
    // The console cannot change what it printed before: an edit is shown as a new message, or left out.
    const msg = editOf(payload)?.fallback === 'drop' ? null : await bot.compose(row.kind, payload, actor);
    const claimed = await db.prisma.outboxMessage.updateMany({
      where: { id: row.id, status: 'PENDING' },
      data: msg ? { status: 'SENT', sentAt: now, attempts: { increment: 1 } } : { status: 'CANCELLED', lastError: 'no longer applies' },
    });
    if (msg && claimed.count === 1) messages.push(msg);
  }
  return messages;
}
