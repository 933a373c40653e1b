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

/**
 * Kinds a person's pause (and opt-outs) hold back; everything else is a direct consequence of their own act.
 * Of a broadcast only the message itself is: its author's progress, an approver's request and a recall notice
 * are not news a pause is meant to hold back.
 */
const PAUSABLE = ['workshop.reminder', 'prompt.', 'nudge.', 'klus.match', 'broadcast.message'];

export const respectsPause = (kind: string) => PAUSABLE.some((p) => kind === p || (p.endsWith('.') && kind.startsWith(p)));

/**
 * An outbox row that changes a message delivered earlier instead of posting a new one (`payload.edit`). `ref` is
 * the earlier row's delivered reference. `update` replaces its content in place (live progress); `retract`
 * replaces it with the composed notice, or deletes it where the platform can only delete (recall). When the
 * platform can do neither, or no reference is known, `fallback` says: post the composed message as a new one,
 * or drop the row (an intermediate progress step is not worth a new notification).
 */
export interface OutboxEdit {
  ref: unknown;
  mode: 'update' | 'retract';
  fallback: 'send' | 'drop';
}

export function editOf(payload: Record<string, unknown>): OutboxEdit | null {
  const e = payload.edit as Partial<OutboxEdit> | undefined;
  if (!e || typeof e !== 'object') return null;
  return {
    ref: e.ref ?? null,
    mode: e.mode === 'retract' ? 'retract' : 'update',
    fallback: e.fallback === 'drop' ? 'drop' : 'send',
  };
}
