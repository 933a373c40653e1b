import type { types } from '@slack/bolt';
import type { Block, Button } from '../../../core/messages.js';
import { ActionIds, OPEN_FORM } from './action-ids.js';
import { encodeForm } from './form-value.js';
import { LIMITS } from './limits.js';
import { clip, mrkdwn, plain, safeMrkdwn } from './text.js';

export type SlackBlock = types.KnownBlock;

export interface RenderNotes {
  /** Shown instead of a form whose definition does not fit in a button (never expected for the core's forms). */
  formUnavailable: string;
}

const chunk = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** Splits long text at line ends (or spaces) so each piece fits a section; content is kept, not cut. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let at = rest.lastIndexOf('\n', max);
    if (at < max / 2) at = rest.lastIndexOf(' ', max);
    if (at < max / 2) at = max;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^[\n ]/, '');
  }
  pieces.push(rest);
  return pieces;
}

// Escaping makes `<` four characters (`&lt;`), so no raw size is safe for every text; but text is mostly letters:
// pieces of 2,500 raw characters fit, and `mrkdwn` clips the rare piece full of `&<>` that grows past 3,000.
const TEXT_PIECE = 2500;

const section = (text: string): SlackBlock => ({ type: 'section', text: mrkdwn(safeMrkdwn(text), LIMITS.sectionText) });

const field = (label: string, value: string) =>
  mrkdwn(`*${safeMrkdwn(label)}*\n${safeMrkdwn(value)}`, LIMITS.fieldText);

function button(b: Button, ids: ActionIds): types.Button | null {
  const actionId = ids.next(b.action);
  if (!actionId) return null;
  const out: types.Button = { type: 'button', action_id: actionId, text: plain(b.label, LIMITS.buttonText) };
  if (b.url) {
    if (b.url.length > LIMITS.buttonUrl || !/^https?:\/\//.test(b.url)) return null;
    out.url = b.url;
  }
  // A value Slack would reject cannot be cut (it is data, not text); such a button is left out instead.
  if (b.value !== '') {
    if (b.value.length > LIMITS.buttonValue) return null;
    out.value = b.value;
  }
  if (b.style) out.style = b.style;
  if (b.confirm) {
    out.confirm = {
      title: plain(b.confirm.title, LIMITS.confirmTitle),
      text: plain(b.confirm.text, LIMITS.confirmText),
      confirm: plain(b.confirm.yes, LIMITS.confirmButton),
      deny: plain(b.confirm.no, LIMITS.confirmButton),
      ...(b.style === 'danger' ? { style: 'danger' as const } : {}),
    };
  }
  return out;
}

function actions(buttons: Button[], ids: ActionIds): SlackBlock[] {
  const elements = buttons.map((b) => button(b, ids)).filter((b): b is types.Button => b !== null);
  return chunk(elements, LIMITS.actionsElements).map((els) => ({ type: 'actions', elements: els }));
}

/** Block ids of a keyed item start with this, so a click can redraw that item alone (see item-group.ts). */
export const ITEM_BLOCK = 'vw.item~';
/** Slack allows block ids of 255 characters; a longer key is simply not marked (the item is then redrawn with its list). */
export const MAX_ITEM_KEY = 200;

/** Marks every block of an item's group with the item's key; the block ids stay unique within the message. */
export const withItemKey = (group: SlackBlock[], key: string, from = 0): SlackBlock[] =>
  group.map((b, i) => ({ ...b, block_id: `${ITEM_BLOCK}${key}~${from + i}` }) as SlackBlock);

/**
 * One neutral block as Slack blocks. Kept as a group so that pagination never separates an item from its
 * buttons. Action ids are unique across everything rendered with the same `ids`.
 */
export function renderBlock(block: Block, ids: ActionIds, notes: RenderNotes): SlackBlock[] {
  switch (block.type) {
    case 'header':
      return [{ type: 'header', text: plain(block.text, LIMITS.headerText) }];
    case 'text':
      return splitText(block.text, TEXT_PIECE).map(section);
    case 'context':
      return [{ type: 'context', elements: [mrkdwn(safeMrkdwn(block.text), LIMITS.contextText)] }];
    case 'fields':
      return chunk(block.fields, LIMITS.sectionFields).map((fs) => ({
        type: 'section',
        fields: fs.map((f) => field(f.label, f.value)),
      }));
    case 'item': {
      const title = `*${safeMrkdwn(block.title)}*`;
      const body = block.text ? `${title}\n${safeMrkdwn(block.text)}` : title;
      const fields = (block.fields ?? []).map((f) => field(f.label, f.value));
      const head: SlackBlock = {
        type: 'section',
        text: mrkdwn(body, LIMITS.sectionText),
        ...(fields.length ? { fields: fields.slice(0, LIMITS.sectionFields) } : {}),
      };
      const extra = chunk(fields.slice(LIMITS.sectionFields), LIMITS.sectionFields).map(
        (fs): SlackBlock => ({ type: 'section', fields: fs }),
      );
      const group = [head, ...extra, ...actions(block.buttons ?? [], ids)];
      return block.key === undefined || block.key.length > MAX_ITEM_KEY ? group : withItemKey(group, block.key);
    }
    case 'actions':
      return actions(block.buttons, ids);
    case 'form': {
      const value = encodeForm(block.form);
      const actionId = ids.next(OPEN_FORM);
      if (!value || !actionId) return [section(notes.formUnavailable)];
      return [
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: actionId, value, style: 'primary', text: plain(block.form.title, LIMITS.buttonText) },
          ],
        },
      ];
    }
    case 'image':
      if (block.url.length > LIMITS.imageUrl || !/^https?:\/\//.test(block.url)) return [];
      return [{ type: 'image', image_url: block.url, alt_text: clip(block.alt, LIMITS.imageAlt) || ' ' }];
    case 'divider':
      return [{ type: 'divider' }];
  }
}
