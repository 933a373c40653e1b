import { translator } from '../../../core/i18n/index.js';
import type { Block, Button, Locale, Message } from '../../../core/messages.js';
import type { CardElement } from './card-element.js';
import { buttonRows } from './action-rows.js';
import { formElement } from './form.js';

export type { CardElement } from './card-element.js';

/** Loosely typed Adaptive Card JSON: the `adaptivecards` library validates the shape in the tests. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  msteams?: { width: 'Full' };
}

/** 1.5 is what Teams needs for Action.Execute (Universal Actions); older clients ignore it. */
export const CARD_VERSION = '1.5';
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * Plain text as RichTextBlocks, one per line: TextBlock would read the core's plain text as Markdown and as
 * `{{DATE()}}` templates (a workshop called "*Excel* [basis]" must show as typed); TextRun does neither.
 * One block per line because hosts differ in how a newline inside a TextRun renders.
 */
export function plainText(text: string, run: CardElement = {}): CardElement[] {
  const blocks: CardElement[] = [];
  let gap = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      gap = blocks.length > 0;
      continue;
    }
    blocks.push({
      type: 'RichTextBlock',
      ...(blocks.length > 0 ? { spacing: gap ? 'Medium' : 'None' } : {}),
      inlines: [{ type: 'TextRun', text: line, ...run }],
    });
    gap = false;
  }
  return blocks;
}

const execute = (b: Button, title: string): CardElement => ({
  type: 'Action.Execute',
  title,
  verb: b.action,
  data: { value: b.value },
  // A button next to a form must not send the form's half-filled inputs along.
  associatedInputs: 'none',
  ...(b.style === 'primary' ? { style: 'positive' } : b.style === 'danger' ? { style: 'destructive' } : {}),
});

/**
 * A neutral button as a card action. Dangerous buttons (with `confirm`) open an inline ShowCard that asks the
 * question and holds the one real Action.Execute: no round trip, nothing happens on a stray click, and clicking
 * the button again folds the question away (so the "no" label needs no button of its own).
 */
export function cardAction(b: Button): CardElement {
  if (b.url) return { type: 'Action.OpenUrl', title: b.label, url: b.url };
  if (!b.confirm) return execute(b, b.label);
  return {
    type: 'Action.ShowCard',
    title: b.label,
    ...(b.style === 'danger' ? { style: 'destructive' } : {}),
    card: {
      type: 'AdaptiveCard',
      body: [...plainText(b.confirm.title, { weight: 'Bolder' }), ...plainText(b.confirm.text)],
      actions: [execute(b, b.confirm.yes)],
    },
  };
}

/** Buttons as ActionSets, one per row, so that no title is cut on a phone (action-rows.ts). */
const actionSets = (buttons: Button[]): CardElement[] =>
  buttonRows(buttons).map((row, i) => ({ type: 'ActionSet', ...(i > 0 ? { spacing: 'Small' } : {}), actions: row.map(cardAction) }));

const facts = (fields: { label: string; value: string }[]): CardElement => ({
  type: 'FactSet',
  facts: fields.map((f) => ({ title: f.label, value: f.value })),
});

function blockElements(block: Block, locale: Locale, shown: ReadonlySet<string>): CardElement[] {
  switch (block.type) {
    case 'header':
      return plainText(block.text, { weight: 'Bolder', size: 'Large' });
    case 'text':
      return plainText(block.text);
    case 'context':
      return plainText(block.text, { isSubtle: true, size: 'Small' });
    case 'fields':
      return block.fields.length ? [facts(block.fields)] : [];
    case 'item': {
      const items: CardElement[] = [...plainText(block.title, { weight: 'Bolder' })];
      if (block.text) items.push(...plainText(block.text));
      if (block.fields?.length) items.push(facts(block.fields));
      if (block.buttons?.length) items.push(...actionSets(block.buttons));
      return [{ type: 'Container', separator: true, spacing: 'Medium', items }];
    }
    case 'actions':
      return block.buttons.length ? actionSets(block.buttons) : [];
    case 'form':
      return [formElement(block.form, translator(locale), shown)];
    case 'image':
      return [{ type: 'Image', url: block.url, altText: block.alt }];
    case 'divider':
      return [];
  }
}

/** A neutral message as an Adaptive Card 1.5 (Teams renders it full width). */
export function renderCard(message: Message, locale: Locale): AdaptiveCard {
  const body: CardElement[] = [];
  let separate = false;
  const shown = new Set(message.blocks.flatMap((b) => (b.type === 'text' ? [b.text] : [])));
  for (const block of message.blocks) {
    if (block.type === 'divider') {
      separate = body.length > 0;
      continue;
    }
    const elements = blockElements(block, locale, shown);
    if (separate && elements[0]) elements[0] = { ...elements[0], separator: true, spacing: 'Large' };
    if (elements.length) separate = false;
    body.push(...elements);
  }
  if (body.length === 0) body.push(...plainText(message.text));
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    msteams: { width: 'Full' },
  };
}
