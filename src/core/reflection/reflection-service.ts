import { z } from 'zod';
import type { ReflectionDeps } from './deps.js';
import { DomainError } from '../errors.js';
import { translator } from './texts.js';
import { message, type Reply } from '../messages.js';
import type { Actor } from '../people/person.js';
import type { ActionInput } from '../feature.js';
import { localDate } from '../time.js';
import { followUpMessage, promptMessage } from './prompt-message.js';
import type { Answer, Delivery } from './prompt.js';
import { snoozeUntil, zoneOr } from './rhythm.js';
import { promptKinds } from './outbox-kinds.js';
import { isNo, isYes, mayBeAnswerTakenForCommand, plainlyAnswers, typedScale } from './answer-intent.js';
import { confirmAnswerMessage } from './confirm-answer.js';

/** A question is open for a week after it was asked; then it expires and its buttons and form say so. */
export const ANSWER_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
const MAX_ANSWER = 4000;

const scaleValue = z.string().regex(/^[0-9a-f-]{36}:[1-5]$/i);

/** Audience tags a person's prompts are chosen for, from their department and roles. */
export function audiencesOf(actor: Actor): string[] {
  const tags: string[] = [];
  const dept = actor.person.department?.toLowerCase() ?? '';
  if (dept.includes('buitendienst')) tags.push('buitendienst');
  if (dept.includes('div') || dept.includes('informatievoorziening')) tags.push('div');
  if (actor.person.roles.includes('MANAGER')) tags.push('managers');
  return tags;
}

/**
 * Asking and answering. The bot thanks briefly and never comments on what someone wrote: every answer gets the
 * same thanks (or the scenario's follow-up question). Each action names a delivery; the repository only finds it
 * when it is the actor's own, so a button value replayed by someone else changes nothing.
 */
export class ReflectionService {
  constructor(private readonly ctx: ReflectionDeps) {}

  async now(actor: Actor): Promise<Reply> {
    const prompt = await this.ctx.reflections.pickPrompt(actor.person.id, audiencesOf(actor));
    if (!prompt) return { messages: [message(translator(actor.locale)('reflect.none'))] };
    const id = await this.ctx.reflections.createDelivery(actor.person.id, prompt.id, 'ON_DEMAND', this.ctx.clock.now());
    return { messages: [promptMessage(actor, { prompt, deliveryId: id })] };
  }

  /**
   * Free text that is not a command, while a question is open: stored when it plainly answers it, else kept
   * aside with "Is dit je antwoord op …? Ja / Nee" (a typed ja/nee answers that too). Null: no question is open.
   */
  async tryAnswer(actor: Actor, text: string): Promise<Reply | null> {
    const open = await this.openQuestion(actor);
    if (!open) return null;
    if (open.pendingAnswer !== null && isYes(text)) return this.keepPending(actor, open);
    if (open.pendingAnswer !== null && isNo(text)) return this.dropPending(actor, open.id);
    if (plainlyAnswers(text, open, this.ctx.clock.now())) {
      const n = open.prompt.kind === 'SCALE' && !open.awaitingFollowUp ? typedScale(text) : null;
      const reply = await this.store(actor, open, n !== null ? { text: '', scale: n } : { text: text.slice(0, MAX_ANSWER), scale: null });
      if (reply && n !== null) return { messages: [message(translator(actor.locale)('reflect.thanks_scale', { scale: n }))] };
      return reply ?? this.closed(actor);
    }
    await this.ctx.reflections.setPending(open.id, actor.person.id, text.slice(0, MAX_ANSWER));
    return { messages: [confirmAnswerMessage(actor, open, text, 'free')] };
  }

  /**
   * A command ran with several words after it while a question is open: perhaps the person was answering and
   * began with a command word ("klussen buiten vind ik het leukst"). The command has run; the line is kept aside
   * so that one click still saves it as the answer.
   */
  async offerAfterCommand(actor: Actor, line: string, args: string): Promise<Reply | null> {
    if (!mayBeAnswerTakenForCommand(args)) return null;
    const open = await this.openQuestion(actor);
    if (!open) return null;
    await this.ctx.reflections.setPending(open.id, actor.person.id, line.slice(0, MAX_ANSWER));
    return { messages: [confirmAnswerMessage(actor, open, line, 'command')] };
  }

  /** "Ja" on "Is dit je antwoord?": the text kept aside becomes the answer. */
  async confirm(actor: Actor, deliveryId: string): Promise<Reply> {
    const d = await this.own(actor, deliveryId);
    if (d.pendingAnswer === null) throw new DomainError('not_found');
    if (this.expired(d)) return this.expiredReply(actor, d);
    const reply = await this.keepPending(actor, d);
    return { messages: reply.messages.slice(1), update: reply.messages[0] };
  }

  /** "Nee": the text kept aside is dropped; the question stays open. */
  async discard(actor: Actor, deliveryId: string): Promise<Reply> {
    const d = await this.own(actor, deliveryId);
    const reply = await this.dropPending(actor, d.id);
    return { messages: [], update: reply.messages[0] };
  }

  private async keepPending(actor: Actor, d: Delivery): Promise<Reply> {
    const text = d.pendingAnswer ?? '';
    // The pending text answers whichever question was waiting: the main one, or its follow-up.
    return (await this.store(actor, d, { text, scale: null })) ?? this.closed(actor);
  }

  private async dropPending(actor: Actor, deliveryId: string): Promise<Reply> {
    await this.ctx.reflections.setPending(deliveryId, actor.person.id, null);
    return { messages: [message(translator(actor.locale)('reflect.not_saved'))] };
  }

  /** The latest question still waiting for an answer; older ones past the window expire on the way. */
  private async openQuestion(actor: Actor): Promise<Delivery | null> {
    const since = new Date(this.ctx.clock.now().getTime() - ANSWER_WINDOW_MS);
    await this.ctx.reflections.expire(actor.person.id, since);
    return this.ctx.reflections.openDelivery(actor.person.id, since);
  }

  private expired(d: Delivery): boolean {
    return d.status === 'EXPIRED' || (d.status === 'SENT' && this.ctx.clock.now().getTime() - d.sentAt.getTime() > ANSWER_WINDOW_MS);
  }

  private async expiredReply(actor: Actor, d: Delivery): Promise<Reply> {
    if (d.status === 'SENT') await this.ctx.reflections.expire(actor.person.id, new Date(d.sentAt.getTime() + 1));
    return { messages: [message(translator(actor.locale)('reflect.expired'))] };
  }

  /** The answer form (Teams card input, Slack modal, console): answers exactly the delivery it came with. */
  async answerForm(actor: Actor, input: ActionInput): Promise<Reply> {
    const raw = input.form?.answer;
    const text = (Array.isArray(raw) ? raw.join('\n') : (raw ?? '')).trim();
    const d = await this.own(actor, input.value);
    if (!text) return { messages: [message(translator(actor.locale)('reflect.answer_hint'))] };
    if (this.expired(d)) return this.expiredReply(actor, d);
    if (!this.isOpen(d)) return this.closed(actor);
    return (await this.store(actor, d, { text: text.slice(0, MAX_ANSWER), scale: null })) ?? this.closed(actor);
  }

  async scale(actor: Actor, value: string): Promise<Reply> {
    if (!scaleValue.safeParse(value).success) throw new DomainError('not_found');
    const [id, n] = [value.slice(0, 36), Number(value.slice(37))];
    const d = await this.own(actor, id);
    // Only questions written as scale questions have a scale; a click from anywhere else is not a button of ours.
    if (d.prompt.kind !== 'SCALE') throw new DomainError('unknown_action');
    if (this.expired(d)) return this.expiredReply(actor, d);
    if (!this.isOpen(d)) return this.closed(actor);
    const reply = await this.store(actor, d, { text: '', scale: n }, true);
    if (!reply) return this.closed(actor);
    const thanks = message(translator(actor.locale)('reflect.thanks_scale', { scale: n }));
    // The card the number was clicked on becomes the thanks; a scenario's follow-up question follows it.
    return { messages: d.prompt.followUp && !d.awaitingFollowUp ? reply.messages : [], update: thanks };
  }

  async skip(actor: Actor, deliveryId: string): Promise<Reply> {
    const d = await this.own(actor, deliveryId);
    const tr = translator(actor.locale);
    if (!(await this.ctx.reflections.skip(d.id, actor.person.id, this.ctx.clock.now()))) return this.closed(actor);
    return { messages: [], update: message(tr('reflect.skipped')) };
  }

  async later(actor: Actor, deliveryId: string): Promise<Reply> {
    const d = await this.own(actor, deliveryId);
    const tr = translator(actor.locale);
    const tz = zoneOr(actor.person.timezone, this.ctx.settings.timezone);
    const until = snoozeUntil(this.ctx.clock.now(), tz);
    const reask = {
      idempotencyKey: `prompt.snoozed:${d.id}:${until.toISOString()}`,
      kind: promptKinds.snoozed.name,
      personId: actor.person.id,
      payload: { deliveryId: d.id },
      notBefore: until,
    };
    const snoozed = await this.ctx.reflections.snooze(d.id, actor.person.id, until, reask);
    if (!snoozed && d.status !== 'SNOOZED') return this.closed(actor);
    const day = new Intl.DateTimeFormat(actor.locale === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'long', timeZone: tz }).format(until);
    const p = localDate(until, tz);
    const time = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
    return { messages: [], update: message(tr('reflect.snoozed', { when: tr('reflect.when', { day, time }) })) };
  }

  private async own(actor: Actor, deliveryId: string): Promise<Delivery> {
    const d = await this.ctx.reflections.ownDelivery(actor.person.id, deliveryId);
    if (!d) throw new DomainError('not_found');
    return d;
  }

  private isOpen(d: Delivery) {
    return d.status === 'SENT' || d.status === 'SNOOZED';
  }

  private closed(actor: Actor): Reply {
    return { messages: [message(translator(actor.locale)('reflect.closed'))] };
  }

  /** Stores the answer; asks the follow-up question after a first answer, else thanks. Null: it was closed meanwhile. */
  private async store(actor: Actor, d: Delivery, answer: Answer, isScale = false): Promise<Reply | null> {
    const followUp = d.awaitingFollowUp && !isScale;
    const ok = await this.ctx.reflections.answer(d.id, actor.person.id, answer, followUp, this.ctx.clock.now());
    if (!ok) return null;
    if (!followUp && !d.awaitingFollowUp && d.prompt.followUp) {
      return { messages: [followUpMessage(actor, d.id, d.prompt.followUp[actor.locale])] };
    }
    return { messages: [message(translator(actor.locale)('reflect.thanks'))] };
  }
}
