import type { Message, Reply } from '../messages.js';
import type { Actor } from '../people/person.js';

/** A click or form submission coming back from a rendered message. */
export interface ActionInput {
  action: string;
  value: string;
  /** Field values of a submitted form, by field id. */
  form?: Record<string, string | string[]>;
}

/** Words that start a command, e.g. `{ phrase: 'mijn gegevens', command: 'my-data' }`. */
export interface Phrase {
  phrase: string;
  command: string;
  /** The rest of the line is the command's argument (`workshops stress`). */
  takesArgs?: boolean;
}

/**
 * What one feature adds to the bot: its words, commands, button actions and outbox message kinds. The bot
 * is the sum of its features, so features are built side by side without touching one router.
 */
export interface Feature {
  phrases?: Phrase[];
  commands?: Record<string, (actor: Actor, args: string) => Promise<Reply>>;
  actions?: Record<string, (actor: Actor, input: ActionInput) => Promise<Reply>>;
  /** Outbox kinds this feature writes the text of: an exact kind, or a prefix ending in '.'. */
  compose?: Record<string, (kind: string, payload: Record<string, unknown>, actor: Actor) => Promise<Message | null>>;
  /** Free text that matched no command; the first feature that answers wins (e.g. a reflection answer). */
  freeText?: (actor: Actor, text: string) => Promise<Reply | null>;
}
