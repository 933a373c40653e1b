import type { OutboxDraft } from '../outbox.js';
import type { Answer, Delivery, DeliveryReason, Prompt } from './prompt.js';

/**
 * Prompts, their deliveries and the private answers. Every method that touches a delivery takes the person
 * too and only ever matches that person's own rows: a replayed button value with someone else's id finds nothing.
 */
export interface ReflectionRepository {
  /** An active prompt fitting the person's audiences (and theme, when given), least recently asked first. */
  pickPrompt(personId: string, audiences: string[], theme?: string): Promise<Prompt | null>;
  getPrompt(promptId: string): Promise<Prompt | null>;
  createDelivery(personId: string, promptId: string, reason: DeliveryReason, now: Date, refId?: string): Promise<string>;
  /** The person's delivery with this `refId` (a schedule slot, a follow-up stage, a programme step), if any. */
  deliveryByRef(personId: string, refId: string): Promise<Delivery | null>;
  /** One of the person's own deliveries, or null (also for ids that are not theirs or not ids at all). */
  ownDelivery(personId: string, deliveryId: string): Promise<Delivery | null>;
  /** The latest delivery still waiting for an answer (status SENT, sent after `since`). */
  openDelivery(personId: string, since: Date): Promise<Delivery | null>;
  /**
   * Stores an answer (private to the author) to an open or snoozed delivery; `followUp` marks the answer to
   * the follow-up question. Records `prompt.answered` once. False when the delivery is not the person's or is closed.
   */
  answer(deliveryId: string, personId: string, answer: Answer, followUp: boolean, now: Date): Promise<boolean>;
  /** Open deliveries of the person asked before `before` become EXPIRED; returns how many. */
  expire(personId: string, before: Date): Promise<number>;
  /** Keeps (or with null drops) text that may be the answer to an open delivery, until the person confirms. */
  setPending(deliveryId: string, personId: string, text: string | null): Promise<boolean>;
  /** Closes an open or snoozed delivery unanswered and records `prompt.skipped`; false when nothing changed. */
  skip(deliveryId: string, personId: string, now: Date): Promise<boolean>;
  /** Puts an open delivery aside until `until` and queues `reask` (its re-ask) in the same transaction. */
  snooze(deliveryId: string, personId: string, until: Date, reask: OutboxDraft): Promise<boolean>;
  /** A snoozed delivery becomes open again (its prompt is asked anew); null when it was answered or skipped meanwhile. */
  reopen(deliveryId: string, personId: string, now: Date): Promise<Delivery | null>;
  /** False when the person opted out of the `prompts` category (or is gone). */
  acceptsPrompts(personId: string): Promise<boolean>;
}
