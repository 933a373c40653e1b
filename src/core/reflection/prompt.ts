export type PromptKind = 'REFLECTION' | 'SCENARIO';

/** Themes of the prompt library; workshop tags map onto them for follow-up questions. */
export const THEMES = ['self-insight', 'talent', 'craft', 'working-together', 'vitality', 'change'] as const;
export type Theme = (typeof THEMES)[number];

export type DeliveryReason = 'ON_DEMAND' | 'SCHEDULE' | 'FOLLOW_UP' | 'PROGRAMME';

export type DeliveryStatus = 'SENT' | 'ANSWERED' | 'SKIPPED' | 'SNOOZED';

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
}

/** A first answer (free text or a 1–5 scale) or the answer to the follow-up question. */
export interface Answer {
  text: string;
  scale: number | null;
}
