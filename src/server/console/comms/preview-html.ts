import type { Block, Button, Message } from '../../../core/messages.js';
import { escape, html, raw, type Html } from '../html.js';

/** Text with its line breaks kept, escaped. */
export const lines = (s: string) => escape(s).replace(/\n/g, '<br>');

/**
 * How a neutral message will look in Slack (Block Kit) and in Teams (an Adaptive Card), drawn as HTML from the
 * same message the channels are handed, block by block as src/channels/slack/render/blocks.ts and
 * src/channels/teams/cards/card.ts map them. It is a picture: the buttons are not buttons (nothing to press), and
 * the page says so.
 */
export type Look = 'slack' | 'teams';

const buttonLook = (b: Button, look: Look) => {
  const kind = b.style === 'primary' ? 'primary' : b.style === 'danger' ? 'danger' : 'plain';
  return html`<span class="pv-button pv-button--${kind}" data-look="${look}">${b.label}${b.url ? raw(' <span aria-hidden="true">↗</span>') : ''}</span>`;
};

const fieldsLook = (fields: { label: string; value: string }[], look: Look) =>
  look === 'slack'
    ? html`<div class="pv-fields">${fields.map((f) => html`<div><strong>${f.label}</strong><br>${raw(lines(f.value))}</div>`)}</div>`
    : html`<dl class="pv-facts">${fields.map((f) => html`<dt>${f.label}</dt><dd>${raw(lines(f.value))}</dd>`)}</dl>`;

function blockLook(b: Block, look: Look): Html {
  switch (b.type) {
    case 'header':
      return html`<p class="pv-header">${b.text}</p>`;
    case 'text':
      return html`<p class="pv-text">${raw(lines(b.text))}</p>`;
    case 'context':
      return html`<p class="pv-context">${raw(lines(b.text))}</p>`;
    case 'fields':
      return fieldsLook(b.fields, look);
    case 'item':
      return html`<div class="pv-item"><p class="pv-item-title">${b.title}</p>${b.text ? html`<p class="pv-text">${raw(lines(b.text))}</p>` : ''}${
        b.fields?.length ? fieldsLook(b.fields, look) : ''
      }${b.buttons?.length ? html`<div class="pv-actions">${b.buttons.map((x) => buttonLook(x, look))}</div>` : ''}</div>`;
    case 'actions':
      return html`<div class="pv-actions">${b.buttons.map((x) => buttonLook(x, look))}</div>`;
    case 'image':
      // The picture itself loads from its own address; the CSP allows images from https for this preview.
      return html`<img class="pv-image" src="${b.url}" alt="${b.alt}">`;
    case 'divider':
      return look === 'slack' ? html`<hr class="pv-divider">` : html``;
    case 'form':
      return html`<p class="pv-context">${b.form.title}</p>`;
  }
}

/** One message as it will look in one place, with the sender's name as the platform shows it. */
export function messageLook(m: Message, look: Look, sender: string): Html {
  return html`<div class="pv pv--${look}">
  <p class="pv-sender"><span class="pv-avatar" aria-hidden="true">V</span> <strong>${sender}</strong>${look === 'slack' ? html` <span class="pv-app">APP</span>` : ''}</p>
  <div class="pv-body">${m.blocks.map((b) => blockLook(b, look))}</div>
</div>`;
}
