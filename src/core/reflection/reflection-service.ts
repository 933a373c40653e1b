import type { CoreContext } from '../context.js';
import { DomainError } from '../errors.js';
import { translator } from '../i18n/index.js';
import { message, type Message, type Reply } from '../messages.js';
import type { Actor } from '../people/person.js';
import type { Prompt } from './prompt.js';

const ANSWER_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/** Audience tags a person's prompts are chosen for, from their department and roles. */
export function audiencesOf(actor: Actor): string[] {
  const tags: string[] = [];
  const dept = actor.person.department?.toLowerCase() ?? '';
  if (dept.includes('buitendienst')) tags.push('buitendienst');
  if (dept.includes('div') || dept.includes('informatievoorziening')) tags.push('div');
  if (actor.person.roles.includes('MANAGER')) tags.push('managers');
  return tags;
}

export class ReflectionService {
  constructor(private readonly ctx: CoreContext) {}

  promptMessage(actor: Actor, prompt: Prompt, deliveryId: string): Message {
    const tr = translator(actor.locale);
    const question = prompt.text[actor.locale];
    return {
      text: question,
      blocks: [
        { type: 'header', text: tr('reflect.title') },
        { type: 'text', text: question },
        { type: 'context', text: tr('reflect.answer_hint') },
        {
          type: 'actions',
          buttons: [
            { action: 'reflect.skip', value: deliveryId, label: tr('reflect.button_skip') },
            { action: 'reflect.later', value: deliveryId, label: tr('reflect.button_later') },
          ],
        },
      ],
    };
  }

  async now(actor: Actor): Promise<Reply> {
    const prompt = await this.ctx.reflections.pickPrompt(actor.person.id, audiencesOf(actor));
    if (!prompt) return { messages: [message(translator(actor.locale)('reflect.none'))] };
    const id = await this.ctx.reflections.createDelivery(actor.person.id, prompt.id, 'ON_DEMAND', this.ctx.clock.now());
    return { messages: [this.promptMessage(actor, prompt, id)] };
  }

  /** Free text that is not a command: an answer, when a prompt is waiting for one. */
  async tryAnswer(actor: Actor, text: string): Promise<Reply | null> {
    const now = this.ctx.clock.now();
    const open = await this.ctx.reflections.openDelivery(actor.person.id, new Date(now.getTime() - ANSWER_WINDOW_MS));
    if (!open) return null;
    const tr = translator(actor.locale);
    await this.ctx.reflections.answer(open.id, actor.person.id, text.slice(0, 4000), open.awaitingFollowUp, now);
    if (!open.awaitingFollowUp && open.prompt.followUp) {
      return { messages: [message(open.prompt.followUp[actor.locale])] };
    }
    return { messages: [message(tr('reflect.thanks'))] };
  }

  async skip(actor: Actor, deliveryId: string): Promise<Reply> {
    await this.ctx.reflections.skip(deliveryId, actor.person.id);
    const text = translator(actor.locale)('reflect.skipped');
    return { messages: [], update: message(text) };
  }

  async later(actor: Actor, deliveryId: string): Promise<Reply> {
    const until = new Date(this.ctx.clock.now().getTime() + 24 * 60 * 60 * 1000);
    if (!deliveryId) throw new DomainError('not_found');
    await this.ctx.reflections.snooze(deliveryId, actor.person.id, until);
    const text = translator(actor.locale)('reflect.snoozed');
    return { messages: [], update: message(text) };
  }
}
