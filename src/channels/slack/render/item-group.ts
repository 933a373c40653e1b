import type { Locale, Reply } from '../../../core/messages.js';
import { t } from '../../../core/i18n/index.js';
import { ActionIds } from './action-ids.js';
import { ITEM_BLOCK, MAX_ITEM_KEY, renderBlock, withItemKey, type SlackBlock } from './blocks.js';
import { LIMITS } from './limits.js';

type ItemUpdate = NonNullable<Reply['updateItem']>;

const isBlock = (b: unknown): b is SlackBlock & { block_id?: unknown } =>
  typeof b === 'object' && b !== null && !Array.isArray(b) && typeof (b as { type?: unknown }).type === 'string';

/** Action ids of the buttons (and other elements) in blocks, so new ones do not repeat them. */
function actionIdsIn(blocks: SlackBlock[]): Set<string> {
  const ids = new Set<string>();
  for (const b of blocks) {
    const elements = [...((b as { elements?: unknown[] }).elements ?? []), (b as { accessory?: unknown }).accessory];
    for (const el of elements) {
      const id = (el as { action_id?: unknown } | undefined)?.action_id;
      if (typeof id === 'string') ids.add(id);
    }
  }
  return ids;
}

/**
 * The clicked message with one item redrawn: the blocks that carry the item's key are swapped for its new blocks,
 * everything else stays as Slack sent it with the click. Null when that cannot be done (the message is not
 * known, the item is not in it, or the result would be too long): then the caller shows the whole update.
 */
export function spliceItem(clicked: unknown, update: ItemUpdate, locale: Locale): SlackBlock[] | null {
  if (!Array.isArray(clicked) || !clicked.every(isBlock) || update.key.length > MAX_ITEM_KEY) return null;
  const prefix = `${ITEM_BLOCK}${update.key}~`;
  const mine = (b: { block_id?: unknown }) => typeof b.block_id === 'string' && b.block_id.startsWith(prefix);
  const first = clicked.findIndex(mine);
  if (first < 0) return null;
  let last = first;
  while (last + 1 < clicked.length && mine(clicked[last + 1]!)) last++;
  const before = clicked.slice(0, first);
  const after = clicked.slice(last + 1);
  const ids = new ActionIds(actionIdsIn([...before, ...after]));
  const notes = { formUnavailable: t(locale, 'slack.form_unavailable') };
  const group = withItemKey(
    update.blocks.flatMap((b) => renderBlock(b, ids, notes)),
    update.key,
  );
  const blocks = [...before, ...group, ...after];
  return blocks.length <= LIMITS.messageBlocks ? blocks : null;
}
