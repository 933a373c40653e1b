import type { CoreContext } from '../context.js';
import { DomainError, isDomainError } from '../errors.js';
import { translator, type MessageKey } from '../i18n/index.js';
import { message, type Message, type Reply } from '../messages.js';
import { identifyPerson } from '../people/identify.js';
import { toLocale, type Actor, type ChannelUser } from '../people/person.js';
import { KlussenService } from '../klussen/klussen-service.js';
import { ReflectionService } from '../reflection/reflection-service.js';
import { parseListState, WorkshopsService } from '../workshops/workshops-service.js';
import { helpMessage } from './help.js';
import { myOverview } from './my-overview.js';
import { parseCommand } from './parse-command.js';

/** A click or form submission coming back from a rendered message. */
export interface ActionInput {
  action: string;
  value: string;
  /** Field values of a submitted form, by field id. */
  form?: Record<string, string | string[]>;
}

/**
 * The one entry point of every channel (Slack, Teams, console): words and clicks in, neutral replies out.
 * Domain errors become a short message in the person's language; anything else is rethrown for the adapter
 * to log with its request id.
 */
export class Bot {
  readonly workshops: WorkshopsService;
  readonly klussen: KlussenService;
  readonly reflection: ReflectionService;

  constructor(readonly ctx: CoreContext) {
    this.workshops = new WorkshopsService(ctx);
    this.klussen = new KlussenService(ctx);
    this.reflection = new ReflectionService(ctx);
  }

  /** The person behind a chat user, with the language to answer in. */
  async actorFor(user: ChannelUser): Promise<Actor> {
    const person = await identifyPerson(this.ctx.people, user, this.ctx.settings);
    return { person, platform: user.platform, locale: toLocale(person.locale, this.ctx.settings.defaultLocale) };
  }

  async text(actor: Actor, input: string): Promise<Reply> {
    return this.guard(actor, () => this.route(actor, input));
  }

  async action(actor: Actor, input: ActionInput): Promise<Reply> {
    return this.guard(actor, () => this.dispatch(actor, input));
  }

  /** Slack App Home and similar overview surfaces. */
  async home(actor: Actor): Promise<Message> {
    const my = await myOverview(this.ctx, actor);
    const help = helpMessage(actor);
    return { text: my.text, blocks: [...help.blocks, { type: 'divider' }, ...my.blocks] };
  }

  /** The text of a queued proactive message, composed at delivery time; null when it no longer applies. */
  async compose(kind: string, payload: Record<string, unknown>, actor: Actor): Promise<Message | null> {
    if (kind.startsWith('workshop.')) return this.workshops.compose(kind, payload, actor);
    return null;
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

  private async route(actor: Actor, input: string): Promise<Reply> {
    const cmd = parseCommand(input);
    const tr = translator(actor.locale);
    switch (cmd.name) {
      case 'help':
        return { messages: [helpMessage(actor)] };
      case 'workshops':
        return { messages: [await this.workshops.list(actor, { q: cmd.args, o: 0 })] };
      case 'my':
        return { messages: [await myOverview(this.ctx, actor)] };
      case 'klussen':
        return { messages: [await this.klussen.list(actor, cmd.args)] };
      case 'reflect':
        return this.reflection.now(actor);
      case 'pause':
        await this.ctx.people.setPaused(actor.person.id, true);
        return { messages: [message(tr('pause.done'))] };
      case 'resume':
        await this.ctx.people.setPaused(actor.person.id, false);
        return { messages: [message(tr('pause.resumed'))] };
      case 'language': {
        const locale = toLocale(cmd.args, actor.locale === 'nl' ? 'en' : 'nl');
        await this.ctx.people.setLocale(actor.person.id, locale);
        return { messages: [message(translator(locale)('language.done'))] };
      }
      case 'post-klus':
      case 'broadcast':
      case 'my-data':
      case 'dossier':
        return this.notYetHere(actor, cmd.name);
      case 'text': {
        if (cmd.text === '') return { messages: [helpMessage(actor)] };
        const answered = await this.reflection.tryAnswer(actor, cmd.text);
        if (answered) return answered;
        throw new DomainError('unknown_command');
      }
    }
  }

  private async dispatch(actor: Actor, input: ActionInput): Promise<Reply> {
    const refreshMy = async (r: Reply): Promise<Reply> => ({
      messages: r.messages,
      update: await myOverview(this.ctx, actor, r.messages[0]?.text),
    });
    switch (input.action) {
      case 'workshop.signup':
        return this.workshops.signUp(actor, parseListState(input.value));
      case 'workshop.cancel':
        return this.workshops.cancel(actor, parseListState(input.value));
      case 'my.cancel':
        return refreshMy(await this.workshops.cancel(actor, parseListState(input.value)));
      case 'workshops.page': {
        const s = parseListState(input.value);
        const page = await this.workshops.list(actor, { q: s.q, o: s.o });
        return { messages: [], update: page };
      }
      case 'klus.interest':
        return this.klussen.interest(actor, input.value);
      case 'klus.withdraw':
        return this.klussen.withdraw(actor, input.value);
      case 'reflect.skip':
        return this.reflection.skip(actor, input.value);
      case 'reflect.later':
        return this.reflection.later(actor, input.value);
      case 'settings.pause':
      case 'settings.resume': {
        const paused = input.action === 'settings.pause';
        await this.ctx.people.setPaused(actor.person.id, paused);
        const updated: Actor = { ...actor, person: { ...actor.person, paused } };
        const tr = translator(actor.locale);
        return { messages: [], update: await myOverview(this.ctx, updated, tr(paused ? 'pause.done' : 'pause.resumed')) };
      }
      case 'nav.workshops':
        return { messages: [await this.workshops.list(actor, { q: '', o: 0 })] };
      case 'nav.klussen':
        return { messages: [await this.klussen.list(actor, '')] };
      case 'nav.reflect':
        return this.reflection.now(actor);
      case 'nav.my':
        return { messages: [await myOverview(this.ctx, actor)] };
      case 'nav.help':
        return { messages: [helpMessage(actor)] };
      default:
        throw new DomainError('unknown_action');
    }
  }

  // Commands whose features land in their own issues answer honestly instead of pretending.
  private notYetHere(actor: Actor, _name: string): Reply {
    return { messages: [message(translator(actor.locale)('common.not_yet'))] };
  }
}
