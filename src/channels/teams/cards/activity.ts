import type { OutgoingActivity } from '../activity-types.js';
import type { Locale, Message } from '../../../core/messages.js';
import { CARD_CONTENT_TYPE, renderCard } from './card.js';

/** A message that is one plain sentence reads better as a chat line than as a card. */
export const isPlainText = (m: Message) =>
  m.blocks.length === 0 || (m.blocks.length === 1 && m.blocks[0]!.type === 'text' && m.blocks[0]!.text === m.text);

/**
 * A neutral message as a Bot Framework message activity: plain text, or one Adaptive Card with the text as
 * `summary` (what the notification and card-less clients show; as `text` it would print above the card twice).
 */
export function toActivity(message: Message, locale: Locale): OutgoingActivity {
  if (isPlainText(message)) return { type: 'message', text: message.text, textFormat: 'plain' };
  return {
    type: 'message',
    summary: message.text,
    attachments: [{ contentType: CARD_CONTENT_TYPE, content: renderCard(message, locale) }],
  };
}
