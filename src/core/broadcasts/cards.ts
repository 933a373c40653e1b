import { translator, type Translate } from './texts.js';
import type { Block, Button, Message } from '../messages.js';
import type { Broadcast } from './broadcast.js';
import { factsBlock, recallButton, recipientMessage, type CardContext } from './render.js';

export interface Viewer {
  personId: string;
  /** BROADCAST_APPROVAL: a second HR person approves before anything is sent. */
  approvalRequired: boolean;
}

/** The buttons a broadcast offers this HR person now; the service checks every one again when pressed. */
export function actionsFor(b: Broadcast, v: Viewer, tr: Translate, recipients: number): Button[] {
  const own = b.createdById === v.personId;
  switch (b.status) {
    case 'DRAFT': {
      const go: Button = v.approvalRequired
        ? { action: 'broadcast.ask', value: b.id, label: tr('broadcast.button_ask_approval'), style: 'primary' }
        : {
            action: 'broadcast.send',
            value: b.id,
            label: tr(b.scheduledAt ? 'broadcast.button_schedule' : 'broadcast.button_send'),
            style: 'primary',
            confirm: {
              title: tr('broadcast.confirm_send_title'),
              text: tr('broadcast.confirm_send_text', { count: recipients, title: b.title }),
              yes: tr('common.yes'),
              no: tr('common.no'),
            },
          };
      // Nothing can be sent to nobody: without recipients only changing the audience (or discarding) is offered.
      return [
        ...(recipients > 0 ? [go] : []),
        { action: 'broadcast.edit', value: b.id, label: tr('broadcast.button_edit') },
        { action: 'broadcast.discard', value: b.id, label: tr('broadcast.button_discard'), style: 'danger' },
      ];
    }
    case 'PENDING_APPROVAL':
      return own
        ? [{ action: 'broadcast.edit', value: b.id, label: tr('broadcast.button_edit') }]
        : [
            { action: 'broadcast.approve', value: b.id, label: tr('broadcast.button_approve'), style: 'primary' },
            { action: 'broadcast.reject', value: b.id, label: tr('broadcast.button_reject'), style: 'danger' },
          ];
    case 'SCHEDULED':
    case 'SENDING':
    case 'SENT':
      return [recallButton(b, tr)];
    default:
      return [];
  }
}

/** The draft (or any broadcast) for HR: what recipients will see, the facts, and what can be done now. */
export function broadcastCard(b: Broadcast, c: CardContext, v: Viewer, notice?: string): Message {
  const tr = translator(c.locale);
  const title = tr('broadcast.draft_title', { title: b.title });
  const blocks: Block[] = [{ type: 'header', text: title }];
  if (notice) blocks.push({ type: 'text', text: notice });
  blocks.push(factsBlock(b, c));
  if (b.status === 'DRAFT' && c.count.recipients === 0) blocks.push({ type: 'text', text: tr('broadcast.no_recipients') });
  if (b.status === 'DRAFT' && v.approvalRequired) blocks.push({ type: 'context', text: tr('broadcast.needs_approval') });
  if (c.approverName) blocks.push({ type: 'context', text: tr('broadcast.approved_by', { name: c.approverName }) });
  const buttons = actionsFor(b, v, tr, c.count.recipients);
  if (buttons.length) blocks.push({ type: 'actions', buttons });
  return { text: notice ?? title, blocks };
}

/** The preview: exactly what recipients get, per language version, with a personal link that counts nothing. */
export function previewMessages(b: Broadcast, c: CardContext, publicUrl: string): Message[] {
  const tr = translator(c.locale);
  const version = (locale: 'nl' | 'en', intro: Parameters<Translate>[0]): Message => {
    const m = recipientMessage(b, locale, 'preview', publicUrl);
    return { text: m.text, blocks: [{ type: 'context', text: tr(intro) }, ...m.blocks] };
  };
  return [version('nl', 'broadcast.preview_intro'), ...(b.content.en ? [version('en', 'broadcast.preview_intro_en')] : [])];
}

/** The request an approver gets: who asks, the message itself, the facts, and approve / reject. */
export function approvalMessage(b: Broadcast, c: CardContext, authorName: string, publicUrl: string): Message {
  const tr = translator(c.locale);
  const intro = tr('broadcast.approval_request', { name: authorName });
  const preview = recipientMessage(b, c.locale, 'preview', publicUrl);
  const buttons = actionsFor(b, { personId: '', approvalRequired: true }, tr, c.count.recipients);
  return {
    text: intro,
    blocks: [{ type: 'text', text: intro }, ...preview.blocks, { type: 'divider' }, factsBlock(b, c), { type: 'actions', buttons }],
  };
}

/** `omroep`: the latest broadcasts with a way to open each, and the form for a new one. */
export function overviewMessage(items: Broadcast[], tr: Translate, formBlock: Block): Message {
  const blocks: Block[] = [
    { type: 'header', text: tr('broadcast.title') },
    { type: 'text', text: tr('broadcast.intro') },
  ];
  if (items.length) {
    blocks.push({ type: 'context', text: tr('broadcast.recent') });
    for (const b of items) {
      blocks.push({
        type: 'item',
        title: b.title,
        text: tr(`broadcast.status.${b.status}`),
        buttons: [{ action: 'broadcast.view', value: b.id, label: tr('broadcast.button_view') }],
      });
    }
  }
  blocks.push(formBlock);
  return { text: tr('broadcast.title'), blocks };
}
