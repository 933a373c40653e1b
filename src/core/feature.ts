import { z } from 'zod';
import { DomainError } from './errors.js';
import type { Block, Button, Message, Reply } from './messages.js';
import type { OutboxKind } from './outbox.js';
import type { Actor } from './people/person.js';

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

export type Command = (actor: Actor, args: string) => Promise<Reply>;

/**
 * A button or form id with the schema of the value it carries back. Values come from the platforms' payloads,
 * so any of them can be forged or stale: the value is parsed with its schema before the handler runs, and a value
 * that does not fit is an unknown action, never a crash.
 */
export interface Action {
  readonly id: string;
  readonly value: z.ZodType<unknown, string>;
  run(actor: Actor, input: ActionInput): Promise<Reply>;
}

export const action = <V>(id: string, value: z.ZodType<V, string>, run: (actor: Actor, value: V, input: ActionInput) => Promise<Reply>): Action => ({
  id,
  value,
  run: async (actor, input) => {
    const parsed = value.safeParse(input.value);
    if (!parsed.success) throw new DomainError('unknown_action');
    return run(actor, parsed.data, input);
  },
});

/** Schemas for button values, shared by every feature. */
export const values = {
  /** Buttons that carry nothing (navigation, a form whose fields say it all). */
  none: z.string().max(1000),
  /** A row id. */
  id: z.string().uuid(),
  /** A short opaque token or key (a draft id, a page number, a choice). */
  token: z.string().max(1000),
  /** JSON that a feature encoded into the value itself. */
  json: <T>(schema: z.ZodType<T>) =>
    z.string().max(1000).transform((s, ctx): T => {
      try {
        const parsed = schema.safeParse(JSON.parse(s));
        if (parsed.success) return parsed.data;
      } catch {
        // not JSON: reported below like any other bad value
      }
      ctx.addIssue({ code: 'custom', message: 'not a value of this action' });
      return z.NEVER;
    }),
};

/**
 * How a feature writes the text of one outbox kind, at delivery time. Rows can be old or hand-made: a payload
 * that does not fit the kind's schema is not composed (null, with `fits` false so the bot can say so).
 */
export interface Composer {
  readonly kind: OutboxKind<unknown>;
  compose(payload: unknown, actor: Actor): Promise<{ fits: boolean; message: Message | null }>;
}

export const composer = <P>(kind: OutboxKind<P>, compose: (payload: P, actor: Actor) => Promise<Message | null>): Composer => ({
  kind: kind as OutboxKind<unknown>,
  compose: async (payload, actor) => {
    const parsed = kind.payload.safeParse(payload);
    return parsed.success ? { fits: true, message: await compose(parsed.data, actor) } : { fits: false, message: null };
  },
});

/** A feature's part of "mijn": a section of blocks, or nothing. */
export type MySection = (actor: Actor) => Promise<Block[]>;

/**
 * What one feature adds to the bot: its words, commands, button actions, outbox kinds and its part of "mijn".
 * The bot is the sum of the features `src/app.ts` hands it; the router imports none of them.
 */
export interface Feature {
  readonly name: string;
  phrases?: Phrase[];
  commands?: Record<string, Command>;
  actions?: Action[];
  /** The outbox kinds this feature writes, each with the composer of its text. */
  outbox?: Composer[];
  /** Free text that matched no command; the first feature that answers wins (e.g. a reflection answer). */
  freeText?: (actor: Actor, text: string) => Promise<Reply | null>;
  /**
   * A command ran with words after it (`line` is the whole input). A feature may add to the reply, e.g. an offer
   * to keep the line as the answer to an open question: what a person typed is never silently lost.
   */
  afterCommand?: (actor: Actor, line: string, args: string) => Promise<Reply | null>;
  /** Its section of "mijn" (and of Slack's App Home), in feature order. */
  my?: MySection;
  /**
   * Its lines in "help" for this person (they depend on the role), and its button there. `lines` are the words
   * people use most and are always shown; `more` appear behind "Meer", so help stays short yet lists every word.
   */
  help?: (actor: Actor) => { lines: string[]; more?: string[]; button?: Button };
}
