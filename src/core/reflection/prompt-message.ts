import { translator } from './texts.js';
import type { Block, Button, Form, Message } from '../messages.js';
import type { Actor } from '../people/person.js';
import type { Prompt } from './prompt.js';

/** Button values: the delivery id, and for the scale `<deliveryId>:<1..5>`. Ownership is checked on every click. */
export const SCALE = [1, 2, 3, 4, 5] as const;

export function answerForm(actor: Actor, deliveryId: string, question: string): Form {
  const tr = translator(actor.locale);
  return {
    id: 'reflect.answer',
    value: deliveryId,
    title: tr('reflect.form_title'),
    submitLabel: tr('reflect.form_submit'),
    fields: [{ id: 'answer', label: question.length <= 150 ? question : tr('reflect.form_label'), kind: 'textarea', required: true, maxLength: 4000 }],
  };
}

export interface PromptCard {
  prompt: Prompt;
  deliveryId: string;
  /** Header instead of "Even nadenken" (e.g. a programme and its phase). */
  title?: string;
  /** Lines above the question: why this question comes now. */
  intro?: string[];
}

/** A question with every way to answer it: type in chat, a form (Teams card input, Slack modal), and for scale questions 1–5. */
export function promptMessage(actor: Actor, card: PromptCard): Message {
  const tr = translator(actor.locale);
  const question = card.prompt.text[actor.locale];
  const id = card.deliveryId;
  const scale: Button[] = SCALE.map((n) => ({ action: 'reflect.scale', value: `${id}:${n}`, label: String(n) }));
  const blocks: Block[] = [{ type: 'header', text: card.title ?? tr('reflect.title') }];
  for (const line of card.intro ?? []) blocks.push({ type: 'context', text: line });
  blocks.push(
    { type: 'text', text: question },
    { type: 'context', text: tr('reflect.answer_hint') },
    { type: 'form', form: answerForm(actor, id, question) },
  );
  // Only a question written as a scale question gets the numbers: "Cijfer: 4 van 5" under an open question says nothing.
  if (card.prompt.kind === 'SCALE') blocks.push({ type: 'context', text: tr('reflect.scale_hint') }, { type: 'actions', buttons: scale });
  blocks.push(
    {
      type: 'actions',
      buttons: [
        { action: 'reflect.skip', value: id, label: tr('reflect.button_skip') },
        { action: 'reflect.later', value: id, label: tr('reflect.button_later') },
      ],
    },
  );
  return { text: [...(card.intro ?? []), question].join('\n'), blocks };
}

/** The follow-up question of a scenario, answerable in chat or in a form. */
export function followUpMessage(actor: Actor, deliveryId: string, question: string): Message {
  const tr = translator(actor.locale);
  return {
    text: question,
    blocks: [
      { type: 'text', text: question },
      { type: 'context', text: tr('reflect.answer_hint') },
      { type: 'form', form: answerForm(actor, deliveryId, question) },
    ],
  };
}
