import type { Message } from '../../../core/messages.js';
import { t } from '../../../core/i18n/index.js';
import type { Locale } from '../../../core/messages.js';
import { ActionIds } from './action-ids.js';
import { renderBlock, type SlackBlock } from './blocks.js';
import { LIMITS } from './limits.js';
import { clip, escapeText } from './text.js';

/** What chat.postMessage, chat.update and response_url take. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

const notesFor = (locale: Locale) => ({ formUnavailable: t(locale, 'slack.form_unavailable') });

function groups(msg: Message, locale: Locale): SlackBlock[][] {
  const ids = new ActionIds();
  const source = msg.blocks.length ? msg.blocks : [{ type: 'text' as const, text: msg.text }];
  return source.map((b) => renderBlock(b, ids, notesFor(locale))).filter((g) => g.length > 0);
}

/** The notification and fallback text of a message (Slack rejects an empty one, hence the space). */
export const messageText = (msg: Message) => clip(escapeText(msg.text), LIMITS.messageText) || ' ';

/**
 * A neutral message as one or more Slack messages of at most 50 blocks. Long lists continue in the next
 * message instead of failing; an item and its buttons always stay together.
 */
export function renderMessage(msg: Message, locale: Locale, maxBlocks: number = LIMITS.messageBlocks): SlackMessage[] {
  const text = messageText(msg);
  const pages: SlackBlock[][] = [];
  let page: SlackBlock[] = [];
  for (const group of groups(msg, locale)) {
    if (page.length + group.length > maxBlocks && page.length > 0) {
      pages.push(page);
      page = [];
    }
    // A group larger than a whole message (a very long text) is split where it must be.
    for (let i = 0; i < group.length; i += maxBlocks) {
      const part = group.slice(i, i + maxBlocks);
      if (page.length + part.length > maxBlocks) {
        pages.push(page);
        page = [];
      }
      page.push(...part);
    }
  }
  if (page.length) pages.push(page);
  return pages.map((blocks) => ({ text, blocks }));
}

/**
 * Blocks for a view (App Home, modal: at most 100). A view cannot continue elsewhere, so what does not fit is
 * left out at an item boundary and a note says where to find the rest.
 */
/**
 * A header right under another header (the App Home: "Mijn overzicht", then a section's own header) reads as two
 * titles in a row: the second becomes a bold line.
 */
function noDoubleHeaders(blocks: SlackBlock[]): SlackBlock[] {
  return blocks.map((b, i) => {
    const prev = blocks[i - 1] as { type?: string } | undefined;
    const h = b as { type?: string; text?: { text?: string } };
    if (h.type !== 'header' || prev?.type !== 'header') return b;
    return { type: 'section', text: { type: 'mrkdwn', text: `*${escapeText(h.text?.text ?? '')}*`, verbatim: true } };
  });
}

export function renderViewBlocks(msg: Message, locale: Locale, maxBlocks: number = LIMITS.viewBlocks): SlackBlock[] {
  return noDoubleHeaders(viewBlocks(msg, locale, maxBlocks));
}

function viewBlocks(msg: Message, locale: Locale, maxBlocks: number): SlackBlock[] {
  const out: SlackBlock[] = [];
  const all = groups(msg, locale);
  const note: SlackBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: escapeText(t(locale, 'slack.truncated')) }] };
  for (const [i, group] of all.entries()) {
    // Keep one place free for the note while more groups follow.
    const room = maxBlocks - out.length - (i === all.length - 1 ? 0 : 1);
    if (group.length <= room) {
      out.push(...group);
      continue;
    }
    // Only a first group larger than the view (a very long text) is cut inside.
    if (out.length === 0) out.push(...group.slice(0, maxBlocks - 1));
    out.push(note);
    break;
  }
  return out;
}
