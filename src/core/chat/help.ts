import type { Feature } from '../feature.js';
import { translator } from '../i18n/index.js';
import type { Button, Message } from '../messages.js';
import type { Actor } from '../people/person.js';

/** "help": every feature's lines for this person, then the words every person has. */
export function helpMessage(actor: Actor, features: readonly Feature[]): Message {
  const tr = translator(actor.locale);
  const lines: string[] = [];
  const buttons: Button[] = [];
  for (const f of features) {
    const part = f.help?.(actor);
    if (!part) continue;
    lines.push(...part.lines);
    if (part.button) buttons.push(part.button);
  }
  lines.push(tr('help.my'), tr('help.pause'), tr('help.language'));
  buttons.push({ action: 'nav.my', value: '', label: tr('my.title') });
  return {
    text: tr('help.title'),
    blocks: [
      { type: 'header', text: tr('help.title') },
      { type: 'text', text: tr('help.intro') },
      { type: 'text', text: lines.map((l) => `• ${l}`).join('\n') },
      { type: 'actions', buttons },
    ],
  };
}
