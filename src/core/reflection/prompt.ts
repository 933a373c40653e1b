/** SCALE questions are written to be answered with a number from 1 to 5; only they show the scale. */
export type PromptKind = 'REFLECTION' | 'SCENARIO' | 'SCALE';

/** Themes of the prompt library; workshop tags map onto them for follow-up questions. */
export const THEMES = ['self-insight', 'talent', 'craft', 'working-together', 'vitality', 'change'] as const;
export type Theme = (typeof THEMES)[number];

export type DeliveryReason = 'ON_DEMAND' | 'SCHEDULE' | 'FOLLOW_UP' | 'PROGRAMME';

/** A question's life: open (SENT, or SNOOZED until later), then ANSWERED, SKIPPED or EXPIRED (not answered in time). */
export type DeliveryStatus = 'SENT' | 'ANSWERED' | 'SKIPPED' | 'SNOOZED' | 'EXPIRED';

export interface Prompt {
  id: string;
  key: string;
  kind: PromptKind;
  theme: string;
  audiences: string[];
  text: { nl: string; en: string };
  followUp: { nl: string; en: string } | null;
}

/** One prompt as sent to one person, and how far its answer got. */
export interface Delivery {
  id: string;
  prompt: Prompt;
  reason: DeliveryReason;
  /** What the delivery belongs to (a schedule slot, a workshop follow-up stage, a programme step). */
  refId: string | null;
  status: DeliveryStatus;
  sentAt: Date;
  /** True once the first answer came in and the follow-up question was asked. */
  awaitingFollowUp: boolean;
  /** When the person was last asked something about it: sent, asked again, or its follow-up question asked. */
  askedAt: Date;
  /** Text the person typed that may be the answer, waiting for their yes or no. */
  pendingAnswer: string | null;
}

/** A first answer (free text or a 1–5 scale) or the answer to the follow-up question. */
export interface Answer {
  text: string;
  scale: number | null;
}
