export type PromptKind = 'REFLECTION' | 'SCENARIO';

export interface Prompt {
  id: string;
  key: string;
  kind: PromptKind;
  theme: string;
  audiences: string[];
  text: { nl: string; en: string };
  followUp: { nl: string; en: string } | null;
}

export interface OpenDelivery {
  id: string;
  prompt: Prompt;
  sentAt: Date;
  /** True once the first answer came in and the follow-up question was asked. */
  awaitingFollowUp: boolean;
}
