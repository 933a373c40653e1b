import { BroadcastOutbox } from '../broadcasts/broadcast-outbox.js';
import { BroadcastService } from '../broadcasts/broadcast-service.js';
import { broadcastsFeature } from '../broadcasts/broadcasts-feature.js';
import type { CoreContext } from '../context.js';
import { DomainError, isDomainError } from '../errors.js';
import { translator, type MessageKey } from '../i18n/index.js';
import { klussenFeature } from '../klussen/klussen-feature.js';
import { KlussenService } from '../klussen/klussen-service.js';
import { message, type Message, type Reply } from '../messages.js';
import { nudgesFeature } from '../nudges/nudges-feature.js';
import { privacyFeature } from '../privacy/privacy-feature.js';
import { PrivacyService } from '../privacy/privacy-service.js';
import { identifyPerson } from '../people/identify.js';
import { toLocale, type Actor, type ChannelUser } from '../people/person.js';
import { reflectionFeature } from '../reflection/reflection-feature.js';
import { ReflectionService } from '../reflection/reflection-service.js';
import { manageWorkshopsFeature } from '../workshops/manage-feature.js';
import { ManageWorkshopsService } from '../workshops/manage-service.js';
import { workshopsFeature } from '../workshops/workshops-feature.js';
import { WorkshopsService } from '../workshops/workshops-service.js';
import { baseFeature } from './base-feature.js';
import { cleanAction, cleanText, cleanUser } from './clean-input.js';
import type { ActionInput, Feature, Phrase } from './feature.js';
import { helpMessage } from './help.js';
import { myOverview } from './my-overview.js';
import { parseCommand, type Command } from './parse-command.js';
import { upcomingFeature } from './upcoming-feature.js';

export type { ActionInput } from './feature.js';

/**
 * The one entry point of every channel (Slack, Teams, console): words and clicks in, neutral replies out.
 * Domain errors become a short message in the person's language; anything else is rethrown for the adapter
 * to log with its request id.
 */
export class Bot {
  readonly workshops: WorkshopsService;
  readonly klussen: KlussenService;
  readonly reflection: ReflectionService;
  /** Broadcasts in the outbox: the runtime's ticker and the link route call into it. */
  readonly broadcasts: BroadcastOutbox;
  private readonly phrases: Phrase[] = [];
  private readonly commands = new Map<string, NonNullable<Feature['commands']>[string]>();
  private readonly actions = new Map<string, NonNullable<Feature['actions']>[string]>();
  private readonly composers: [string, NonNullable<Feature['compose']>[string]][] = [];
  private readonly freeText: NonNullable<Feature['freeText']>[] = [];

  constructor(readonly ctx: CoreContext) {
    this.workshops = new WorkshopsService(ctx);
    this.klussen = new KlussenService(ctx);
    this.reflection = new ReflectionService(ctx);
    this.broadcasts = new BroadcastOutbox(ctx, this.workshops);
    for (const f of [
      upcomingFeature(),
      baseFeature(ctx),
      workshopsFeature(ctx, this.workshops),
      manageWorkshopsFeature(new ManageWorkshopsService(ctx)),
      klussenFeature(ctx, this.klussen),
      reflectionFeature(ctx, this.reflection),
      broadcastsFeature(new BroadcastService(ctx, this.broadcasts), this.broadcasts),
      privacyFeature(new PrivacyService(ctx), this.workshops),
      nudgesFeature(ctx, (actor, text) => this.text(actor, text)),
    ]) {
      this.add(f);
    }
  }

  /** Later features win on the same phrase, command or action. */
  private add(f: Feature) {
    for (const p of f.phrases ?? []) {
      const i = this.phrases.findIndex((q) => q.phrase === p.phrase);
      if (i >= 0) this.phrases.splice(i, 1);
      this.phrases.push(p);
    }
    for (const [name, run] of Object.entries(f.commands ?? {})) this.commands.set(name, run);
    for (const [id, run] of Object.entries(f.actions ?? {})) this.actions.set(id, run);
    for (const entry of Object.entries(f.compose ?? {})) this.composers.unshift(entry);
    if (f.freeText) this.freeText.push(f.freeText);
  }

  /** The person behind a chat user, with the language to answer in. */
  async actorFor(user: ChannelUser): Promise<Actor> {
    const person = await identifyPerson(this.ctx.people, cleanUser(user), this.ctx.settings);
    return { person, platform: user.platform, locale: toLocale(person.locale, this.ctx.settings.defaultLocale) };
  }

  async text(actor: Actor, input: string): Promise<Reply> {
    return this.guard(actor, async () => {
      // Every channel's text passes here: cleaned once for all features (see clean-input.ts).
      const cmd = this.parse(cleanText(input));
      if (cmd.kind === 'command') return this.commands.get(cmd.name)!(actor, cmd.args);
      if (cmd.text === '') return { messages: [helpMessage(actor)] };
      for (const take of this.freeText) {
        const answered = await take(actor, cmd.text);
        if (answered) return answered;
      }
      throw new DomainError('unknown_command');
    });
  }

  async action(actor: Actor, input: ActionInput): Promise<Reply> {
    return this.guard(actor, () => {
      const run = this.actions.get(input.action);
      if (!run) throw new DomainError('unknown_action');
      return run(actor, cleanAction(input));
    });
  }

  /** How the bot reads a line of chat. */
  parse(input: string): Command {
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

  /** Slack App Home and similar overview surfaces. */
  async home(actor: Actor): Promise<Message> {
    const my = await myOverview(this.ctx, actor);
    const help = helpMessage(actor);
    return { text: my.text, blocks: [...help.blocks, { type: 'divider' }, ...my.blocks] };
  }

  /** The text of a queued proactive message, composed at delivery time; null when it no longer applies. */
  async compose(kind: string, payload: Record<string, unknown>, actor: Actor): Promise<Message | null> {
    const entry = this.composers.find(([k]) => k === kind || (k.endsWith('.') && kind.startsWith(k)));
    return entry ? entry[1](kind, payload, actor) : null;
  }

  errorMessage(actor: Actor, err: DomainError): Message {
    const tr = translator(actor.locale);
    const key = `error.${err.code}` as MessageKey;
    return message(tr(key, { detail: err.message, ...err.params }));
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
