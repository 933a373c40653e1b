/**
 * How a card lays out on a phone (360 px wide, Teams' mobile spacing), estimated from the card JSON: the
 * `adaptivecards` library parses and validates cards without a DOM (cardProblems) but lays nothing out, so the
 * sizes here are a model, tuned to what Teams on a phone showed for the issue's cards (six klussen ≈ 1,570 px; four
 * buttons in a row cut to "Wor…"). Widths in px; text ≈ 7.5 px a character at the default size.
 */
type Json = Record<string, unknown>;

export const PHONE = { width: 330, char: 7.5, line: 20, large: 28, buttonPad: 32, buttonGap: 8, buttonH: 36 };

const textWidth = (s: string) => s.length * PHONE.char;
const lines = (s: string, width: number) => Math.max(1, Math.ceil(textWidth(s) / width));

/** Width each button of an ActionSet gets: Teams shares a row equally. */
export function buttonRoom(count: number): number {
  return (PHONE.width - PHONE.buttonGap * (count - 1)) / count;
}

/** Titles of buttons that do not fit their share of the row (they would show as "Wor…"). */
export function cutButtons(card: unknown): string[] {
  const cut: string[] = [];
  walk(card, (n) => {
    if (n.type !== 'ActionSet' && n.type !== 'AdaptiveCard') return;
    const actions = (n.actions as Json[] | undefined) ?? [];
    const room = buttonRoom(actions.length);
    for (const a of actions) if (textWidth(String(a.title ?? '')) + PHONE.buttonPad > room) cut.push(String(a.title));
  });
  return cut;
}

function height(el: Json, width: number): number {
  switch (el.type) {
    case 'RichTextBlock': {
      const inlines = (el.inlines as Json[]) ?? [];
      const text = inlines.map((i) => String(i.text ?? '')).join('');
      const large = inlines.some((i) => i.size === 'Large');
      return lines(text, large ? width / 1.4 : width) * (large ? PHONE.large : PHONE.line);
    }
    case 'TextBlock':
      return lines(String(el.text ?? ''), width) * PHONE.line;
    case 'FactSet':
      return ((el.facts as Json[]) ?? []).reduce((h, f) => h + lines(String(f.value ?? ''), width * 0.6) * PHONE.line + 4, 0);
    case 'ActionSet':
      return ((el.actions as Json[]) ?? []).length ? PHONE.buttonH + 8 : 0;
    case 'Container':
      return 24 + ((el.items as Json[]) ?? []).reduce((h, i) => h + height(i, width - 8) + 8, 0);
    case 'Image':
      return 200;
    case 'Input.Text':
      return (el.label ? PHONE.line + 4 : 0) + (el.isMultiline ? 80 : 36);
    case 'Input.ChoiceSet':
    case 'Input.Date':
    case 'Input.Number':
    case 'Input.Toggle':
      return (el.label ? PHONE.line + 4 : 0) + 36;
    default:
      return PHONE.line;
  }
}

/** Estimated height of the card on a phone, hidden parts (isVisible: false, ShowCards) left out. */
export function phoneHeight(card: Json): number {
  const body = ((card.body as Json[]) ?? []).filter((e) => e.isVisible !== false);
  const actions = (card.actions as Json[] | undefined)?.length ? PHONE.buttonH + 8 : 0;
  return 32 + body.reduce((h, e) => h + height(e, PHONE.width) + 8, 0) + actions;
}

function walk(node: unknown, visit: (n: Json) => void) {
  if (Array.isArray(node)) for (const x of node) walk(x, visit);
  else if (node && typeof node === 'object') {
    visit(node as Json);
    for (const v of Object.values(node)) walk(v, visit);
  }
}
