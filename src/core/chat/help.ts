import type { Feature } from '../feature.js';
import { translator } from '../i18n/index.js';
import type { Button, Message } from '../messages.js';
import type { Actor } from '../people/person.js';

/**
 * "help": the words this person uses most (every feature's `lines` for their role, then "mijn"), and a "Meer"
 * button for the rest; `full` lists every word their role can use ("meer", or the button).
 */
export function helpMessage(actor: Actor, features: readonly Feature[], full = false): Message {
  const tr = translator(actor.locale);
  const lines: string[] = [];
  const more: string[] = [];
  const buttons: Button[] = [];
  for (const f of features) {
    const part = f.help?.(actor);
    if (!part) continue;
    lines.push(...part.lines);
    more.push(...(part.more ?? []));
    if (part.button) buttons.push(part.button);
  }
  lines.push(tr('help.my'));
  more.push(tr('help.pause'), tr('help.language'));
  const shown = full ? [...lines, ...more] : lines;
  if (!full) buttons.push({ action: 'nav.help_more', value: '', label: tr('help.button_more') });
  buttons.push({ action: 'nav.my', value: '', label: tr('my.title') });
  return {
    text: tr('help.title'),
    blocks: [
      { type: 'header', text: tr('help.title') },
      { type: 'text', text: tr('help.intro') },
      { type: 'text', text: shown.map((l) => `• ${l}`).join('\n') },
      ...(full ? [] : [{ type: 'context' as const, text: tr('help.more_hint') }]),
      { type: 'actions', buttons },
    ],
  };
}
