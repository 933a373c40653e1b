import { DomainError, isDomainError } from '../errors.js';
import type { Action, ActionInput, Command, Composer, Feature, Phrase } from '../feature.js';
import { translator, type CommonKey } from '../i18n/index.js';
import { message, type Message, type Reply } from '../messages.js';
import type { PeopleRepository } from '../people/people-repository.js';
import { identifyPerson } from '../people/identify.js';
import { toLocale, type Actor, type ChannelUser } from '../people/person.js';
import type { Logger } from '../ports.js';
import type { CoreSettings } from '../settings.js';
import { cleanAction, cleanText, cleanUser } from './clean-input.js';
import { helpMessage } from './help.js';
import { myOverview } from './my-overview.js';
import { parseCommand, type ParsedInput } from './parse-command.js';
import { smallTalk } from './small-talk.js';

export type { ActionInput } from '../feature.js';

export interface BotDeps {
  people: PeopleRepository;
  settings: CoreSettings;
  logger: Logger;
}

/**
 * The one entry point of every channel (Slack, Teams, console): words and clicks in, neutral replies out. It
 * routes to the features it is given and knows none of them. Domain errors become a short message in the
 * person's language; anything else is rethrown for the adapter to log with its request id.
 */
export class Bot {
  private readonly phrases: Phrase[] = [];
  private readonly commands = new Map<string, Command>();
  private readonly actions = new Map<string, Action>();
  private readonly composers = new Map<string, Composer>();
  private readonly freeText: NonNullable<Feature['freeText']>[] = [];
  private readonly afterCommand: NonNullable<Feature['afterCommand']>[] = [];

  constructor(
    private readonly features: readonly Feature[],
    private readonly deps: BotDeps,
  ) {
    for (const f of features) this.add(f);
  }

  /** Later features win on the same phrase, command or action; an outbox kind belongs to one feature only. */
  private add(f: Feature) {
    for (const p of f.phrases ?? []) {
      const i = this.phrases.findIndex((q) => q.phrase === p.phrase);
      if (i >= 0) this.phrases.splice(i, 1);
      this.phrases.push(p);
    }
    for (const [name, run] of Object.entries(f.commands ?? {})) this.commands.set(name, run);
    for (const a of f.actions ?? []) this.actions.set(a.id, a);
    for (const c of f.outbox ?? []) {
      if (this.composers.has(c.kind.name)) throw new Error(`outbox kind ${c.kind.name} is declared twice (feature ${f.name})`);
      this.composers.set(c.kind.name, c);
    }
    if (f.freeText) this.freeText.push(f.freeText);
    if (f.afterCommand) this.afterCommand.push(f.afterCommand);
  }

  /** The person behind a chat user, with the language to answer in. */
  async actorFor(user: ChannelUser): Promise<Actor> {
    const person = await identifyPerson(this.deps.people, cleanUser(user), this.deps.settings);
    return { person, platform: user.platform, locale: toLocale(person.locale, this.deps.settings.defaultLocale) };
  }

  async text(actor: Actor, input: string): Promise<Reply> {
    return this.guard(actor, async () => {
      // Every channel's text passes here: cleaned once for all features (see clean-input.ts).
      const line = cleanText(input);
      const cmd = this.parse(line);
      if (cmd.kind === 'command') {
        const reply = await this.commands.get(cmd.name)!(actor, cmd.args);
        return cmd.args ? this.withAfterCommand(actor, reply, line, cmd.args) : reply;
      }
      if (cmd.text === '') return { messages: [this.help(actor)] };
      const talk = smallTalk(cmd.text);
      if (talk) return { messages: [message(translator(actor.locale)(talk === 'thanks' ? 'talk.thanks' : 'talk.greeting'))] };
      for (const take of this.freeText) {
        const answered = await take(actor, cmd.text);
        if (answered) return answered;
      }
      throw new DomainError('unknown_command');
    });
  }

  /** The command has answered; features may add to it (nothing a person typed is lost, see Feature.afterCommand). */
  private async withAfterCommand(actor: Actor, reply: Reply, line: string, args: string): Promise<Reply> {
    const extra: Message[] = [];
    for (const after of this.afterCommand) extra.push(...((await after(actor, line, args))?.messages ?? []));
    return extra.length ? { ...reply, messages: [...reply.messages, ...extra] } : reply;
  }

  async action(actor: Actor, input: ActionInput): Promise<Reply> {
    return this.guard(actor, () => {
      const found = this.actions.get(input.action);
      if (!found) throw new DomainError('unknown_action');
      return found.run(actor, cleanAction(input));
    });
  }

  /** How the bot reads a line of chat. */
  parse(input: string): ParsedInput {
    return parseCommand(input, this.phrases);
  }

  /** Action ids the bot answers to (the Slack manifest test checks them). */
  actionIds(): string[] {
    return [...this.actions.keys()];
  }

  /** The words the bot reads as commands, each with its command (the rights matrix tries every one). */
  phraseList(): readonly Phrase[] {
    return [...this.phrases];
  }

  help(actor: Actor, full = false): Message {
    return helpMessage(actor, this.features, full);
  }

  /** "mijn": the person's own things from every feature, and their settings. */
  my(actor: Actor, notice?: string): Promise<Message> {
    return myOverview(actor, this.features, notice);
  }

  /** Slack App Home and similar overview surfaces. */
  async home(actor: Actor): Promise<Message> {
    const my = await this.my(actor);
    const help = this.help(actor);
    return { text: my.text, blocks: [...help.blocks, { type: 'divider' }, ...my.blocks] };
  }

  /** The outbox kinds the features compose (a test checks them against the registry in src/app.ts). */
  outboxKindNames(): string[] {
    return [...this.composers.keys()];
  }

  /**
   * The text of a queued proactive message, composed at delivery time; null when it no longer applies. Rows can
   * be old or hand-made: a payload that does not fit its kind's schema is dropped with a warning.
   */
  async compose(kind: string, payload: Record<string, unknown>, actor: Actor): Promise<Message | null> {
    const c = this.composers.get(kind);
    if (!c) return null;
    const { fits, message: composed } = await c.compose(payload, actor);
    if (!fits) this.deps.logger.warn('outbox payload does not fit its kind: not sent', { kind });
    return composed;
  }

  errorMessage(actor: Actor, err: DomainError): Message {
    const key = `error.${err.code}` as CommonKey;
    return message(translator(actor.locale)(key, { detail: err.message, ...err.params }));
  }

  private async guard(actor: Actor, work: () => Promise<Reply>): Promise<Reply> {
    try {
      return await work();
    } catch (err) {
      if (isDomainError(err)) return { messages: [this.errorMessage(actor, err)] };
      throw err;
    }
  }
}
