import { t } from '../core/i18n/index.js';
import type { Block, Button, Form, Locale, Message } from '../core/messages.js';

export interface Pressable {
  button?: Button;
  form?: Form;
}

/** Neutral message → terminal text; buttons and forms are numbered from `start` and returned in that order. */
export function renderText(message: Message, start: number, locale: Locale = 'nl'): { text: string; pressables: Pressable[] } {
  const lines: string[] = [];
  const pressables: Pressable[] = [];
  const buttons = (bs: Button[]) => {
    const parts = bs.map((b) => {
      if (b.url) return `${b.label}: ${b.url}`;
      pressables.push({ button: b });
      return `[${start + pressables.length - 1}] ${b.label}`;
    });
    if (parts.length) lines.push(`  ${parts.join('   ')}`);
  };
  const block = (b: Block) => {
    switch (b.type) {
      case 'header':
        lines.push('', `== ${b.text} ==`);
        break;
      case 'text':
        lines.push(b.text);
        break;
      case 'context':
        lines.push(`(${b.text})`);
        break;
      case 'fields':
        for (const f of b.fields) lines.push(`${f.label}: ${f.value}`);
        break;
      case 'item':
        lines.push('', `* ${b.title}`);
        if (b.text) lines.push(...b.text.split('\n').map((l) => `  ${l}`));
        for (const f of b.fields ?? []) lines.push(`  ${f.label}: ${f.value}`);
        buttons(b.buttons ?? []);
        break;
      case 'actions':
        buttons(b.buttons);
        break;
      case 'form':
        pressables.push({ form: b.form });
        lines.push(`[${start + pressables.length - 1}] ${t(locale, 'console.form', { title: b.form.title, count: b.form.fields.length })}`);
        break;
      case 'image':
        lines.push(`[${b.alt}] ${b.url}`);
        break;
      case 'divider':
        lines.push('---');
        break;
    }
  };
  for (const b of message.blocks) block(b);
  return { text: lines.join('\n').replace(/^\n+/, ''), pressables };
}
