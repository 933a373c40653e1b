import type { z } from 'zod';

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

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * What a payload field points at, when it names a person other than the recipient: `person` (a person id) or
 * `klusInterest` (a hand raised for a klus: its candidate). Erasure and leaving withdraw such messages.
 */
export type MentionRef = 'person' | 'klusInterest';

/**
 * One kind of outbox message: its name, the schema of its payload, whether a person's pause (and opt-outs)
 * holds it back, how long after it was due it still makes sense, and which payload fields name another person.
 * Kinds that are a direct consequence of the person's own act (a sign-up confirmed, a hand raised) are not held
 * back. Each feature declares its kinds; `src/app.ts` collects them into the registry the outbox worker asks.
 */
export interface OutboxKind<P> {
  readonly name: string;
  readonly payload: z.ZodType<P>;
  readonly respectsPause: boolean;
  /**
   * Milliseconds after its due moment that a message still makes sense. A message that waited longer (no channel
   * was configured, the platform was down for days) is cancelled by the worker with the reason "expired".
   */
  readonly expiresAfter: number;
  readonly mentions: Readonly<Record<string, MentionRef>>;
  /** A draft of this kind; the payload is checked against the kind's type here and against its schema on delivery. */
  draft(d: Omit<OutboxDraft, 'kind' | 'payload'> & { payload: P }): OutboxDraft;
}

export function outboxKind<P>(
  name: string,
  payload: z.ZodType<P>,
  options: { respectsPause: boolean; expiresAfter: number; mentions?: Record<string, MentionRef> },
): OutboxKind<P> {
  return {
    name,
    payload,
    respectsPause: options.respectsPause,
    expiresAfter: options.expiresAfter,
    mentions: options.mentions ?? {},
    draft: (d) => ({ ...d, kind: name, payload: d.payload as Record<string, unknown> }),
  };
}

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
