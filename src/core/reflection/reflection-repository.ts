import type { OpenDelivery, Prompt } from './prompt.js';

export interface ReflectionRepository {
  /** An active prompt for this person: fitting their audiences, least recently asked first. */
  pickPrompt(personId: string, audiences: string[]): Promise<Prompt | null>;
  createDelivery(personId: string, promptId: string, reason: 'ON_DEMAND' | 'SCHEDULE' | 'FOLLOW_UP' | 'PROGRAMME', now: Date): Promise<string>;
  /** The latest delivery still waiting for an answer (sent after `since`). */
  openDelivery(personId: string, since: Date): Promise<OpenDelivery | null>;
  /** Stores the answer (private to the author); `followUp` marks an answer to the follow-up question. */
  answer(deliveryId: string, personId: string, text: string, followUp: boolean, now: Date): Promise<void>;
  skip(deliveryId: string, personId: string): Promise<void>;
  snooze(deliveryId: string, personId: string, until: Date): Promise<void>;
}
