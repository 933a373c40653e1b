import { createRequire } from 'node:module';

// The UMD build runs in Node without a DOM; the package's main entry expects a browser.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every object in a card, depth first (elements, actions, inline cards, inputs). */
export function walk(node: unknown, visit: (n: Json) => void) {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (!isRecord(node)) return;
  visit(node);
  for (const v of Object.values(node)) walk(v, visit);
}

export const actionsOf = (card: unknown, type?: string) => {
  const found: Json[] = [];
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Action.') && (!type || n.type === type)) found.push(n);
  });
  return found;
};

/** All text a user sees on the card: runs, blocks, facts, input labels, action titles. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  walk(card, (n) => {
    for (const key of ['text', 'title', 'value', 'label', 'altText', 'placeholder', 'errorMessage']) if (typeof n[key] === 'string') parts.push(n[key] as string);
  });
  return parts.join('\n');
}

/** The clickable Action.Execute with this title, also inside a confirming ShowCard (then the inner "yes"). */
export function buttonNamed(card: unknown, title: string): { verb: string; data: Json } {
  for (const a of actionsOf(card)) {
    if (a.title !== title) continue;
    if (a.type === 'Action.Execute') return { verb: a.verb as string, data: a.data as Json };
    if (a.type === 'Action.ShowCard') {
      const inner = actionsOf(a.card, 'Action.Execute')[0];
      if (inner) return { verb: inner.verb as string, data: inner.data as Json };
    }
  }
  throw new Error(`no button "${title}" on card:\n${cardText(card)}`);
}

/**
 * Problems with a card: what Microsoft's `adaptivecards` library reports while parsing and validating
 * (unknown types, bad enum values, duplicate ids), plus what it lets through and Teams does not.
 */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(card) || card.type !== 'AdaptiveCard') return ['not an AdaptiveCard'];
  if (card.version !== '1.5') problems.push(`version ${String(card.version)} (Action.Execute needs 1.5)`);
  const ac = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  ac.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of ac.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  walk(card, (n) => {
    if (n.type === 'Action.Execute') {
      if (typeof n.verb !== 'string' || n.verb === '') problems.push(`Action.Execute "${String(n.title)}" has no verb`);
      if (!isRecord(n.data)) problems.push(`Action.Execute "${String(n.title)}" has no data object`);
      else if (JSON.stringify(n.data).length > 1500) problems.push(`Action.Execute "${String(n.title)}" carries too much data`);
    }
    if (typeof n.type === 'string' && n.type.startsWith('Action.') && (typeof n.title !== 'string' || n.title === ''))
      problems.push(`${n.type} without a title`);
    if (n.type === 'Image' && (typeof n.url !== 'string' || !URL.canParse(n.url))) problems.push('Image without a url');
    if (n.type === 'Action.OpenUrl' && (typeof n.url !== 'string' || !/^https?:\/\//.test(n.url))) problems.push('Action.OpenUrl without an absolute url');
    if (n.type === 'TextRun' && (typeof n.text !== 'string' || n.text === '')) problems.push('empty TextRun');
    if (n.type === 'ActionSet' && Array.isArray(n.actions) && n.actions.length > 6) problems.push('ActionSet with more than 6 actions');
  });
  // Teams refuses messages over about 28 KB.
  if (JSON.stringify(card).length > 25_000) problems.push('card larger than 25 KB');
  return problems;
}

/** The cards in a Bot Framework message activity. */
export const cardsOf = (activity: Json): Json[] =>
  ((activity.attachments as Json[] | undefined) ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content as Json);
