/**
 * A proactive message to be delivered through the durable outbox. The payload names what to say
 * (`kind` + ids); the text is composed at delivery time in the recipient's language, from current data.
 */
export interface OutboxDraft {
  /** Unique per logical message; enqueueing the same key twice keeps the first. */
  idempotencyKey: string;
  kind: string;
  personId: string;
  payload: Record<string, unknown>;
  /** Not before this moment (reminders); default now. */
  notBefore?: Date;
  broadcastId?: string;
}

/** Kinds a person's pause (and opt-outs) hold back; everything else is a direct consequence of their own act. */
const PAUSABLE = ['workshop.reminder', 'prompt.', 'nudge.', 'klus.match', 'broadcast.'];

export const respectsPause = (kind: string) => PAUSABLE.some((p) => kind === p || (p.endsWith('.') && kind.startsWith(p)));
