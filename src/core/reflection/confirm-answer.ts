import { truncate } from '../format.js';
import type { Message } from '../messages.js';
import type { Actor } from '../people/person.js';
import type { Delivery } from './prompt.js';
import { translator } from './texts.js';

/** The question a person would be answering now: the follow-up once the first answer is in. */
export function waitingQuestion(actor: Actor, d: Delivery): string {
  return d.awaitingFollowUp && d.prompt.followUp ? d.prompt.followUp[actor.locale] : d.prompt.text[actor.locale];
}

/**
 * "Is dit je antwoord op …? Ja / Nee" for text that may or may not be the answer. `free`: text that matched no
 * command; `command`: a line that ran as a command and may have been an answer all along. Their text is shown
 * back, so they know what will be kept.
 */
export function confirmAnswerMessage(actor: Actor, d: Delivery, typed: string, why: 'free' | 'command'): Message {
  const tr = translator(actor.locale);
  const question = truncate(waitingQuestion(actor, d), 100);
  const ask = tr(why === 'free' ? 'reflect.confirm_free' : 'reflect.confirm_command', { question });
  return {
    text: ask,
    blocks: [
      { type: 'text', text: ask },
      { type: 'context', text: `“${truncate(typed.replace(/\s+/g, ' ').trim(), 200)}”` },
      {
        type: 'actions',
        buttons: [
          { action: 'reflect.confirm', value: d.id, label: tr('reflect.button_confirm'), style: 'primary' },
          { action: 'reflect.discard', value: d.id, label: tr('reflect.button_discard') },
        ],
      },
    ],
  };
}
