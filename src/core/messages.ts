/**
 * The neutral message model: what the core answers, and what the Slack, Teams and console adapters render.
 * All text is plain text (adapters escape it); structure carries the emphasis.
 */

export type Locale = 'nl' | 'en';

export interface Button {
  /** Action id, e.g. `workshop.signup`; routed by the core's action dispatcher. */
  action: string;
  /** Opaque value the action receives back (an id); at most 1,000 characters. */
  value: string;
  label: string;
  style?: 'primary' | 'danger';
  /** When set, the button opens this link instead of calling back. */
  url?: string;
  confirm?: { title: string; text: string; yes: string; no: string };
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface FormField {
  id: string;
  label: string;
  kind: 'text' | 'textarea' | 'number' | 'date' | 'select' | 'multiselect';
  required: boolean;
  placeholder?: string;
  initial?: string;
  maxLength?: number;
  options?: SelectOption[];
}

export interface Form {
  /** Form id; its submission is routed like an action with the field values. */
  id: string;
  /** Opaque value passed back with the submission (e.g. the klus being edited). */
  value?: string;
  title: string;
  submitLabel: string;
  fields: FormField[];
}

export type Block =
  | { type: 'header'; text: string }
  | { type: 'text'; text: string }
  | { type: 'context'; text: string }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  /**
   * One item of a list (a workshop, a klus) with its own buttons. `key` names the item within its message, so
   * that an adapter holding the message can redraw this item alone (see `Reply.updateItem`).
   */
  | { type: 'item'; key?: string; title: string; text?: string; fields?: { label: string; value: string }[]; buttons?: Button[] }
  | { type: 'actions'; buttons: Button[] }
  | { type: 'form'; form: Form }
  | { type: 'image'; url: string; alt: string }
  | { type: 'divider' };

export interface Message {
  /** Plain-text summary: notification text and fallback for clients that show no cards. */
  text: string;
  blocks: Block[];
}

/** What a handled input produces. */
export interface Reply {
  /** New messages to post in the conversation. */
  messages: Message[];
  /** When the input was a click: the card it came from, updated in place (Teams Action.Execute, Slack replace). */
  update?: Message;
  /**
   * When the click changed one item of the clicked message only: its key and its new blocks. An adapter that
   * still has the clicked message (Slack sends it with the click) swaps just these blocks in; others show `update`.
   */
  updateItem?: { key: string; blocks: Block[] };
}

export const reply = (...messages: Message[]): Reply => ({ messages });

export const message = (text: string, blocks: Block[] = [{ type: 'text', text }]): Message => ({ text, blocks });
