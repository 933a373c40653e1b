import { z } from 'zod';
import type { ReflectionDeps } from './deps.js';
import { translator } from './texts.js';
import type { Message } from '../messages.js';
import type { Actor } from '../people/person.js';
import { promptKinds } from './outbox-kinds.js';
import type { Enrolment } from './programme.js';
import { promptMessage, type PromptCard } from './prompt-message.js';
import type { DeliveryReason, Prompt } from './prompt.js';
import { audiencesOf } from './reflection-service.js';
import { themeForTags } from './themes.js';

/** Payloads of the outbox kinds this feature writes; checked at delivery time, as rows may be old. */
const payloads = {
  'prompt.scheduled': promptKinds.scheduled.payload,
  'prompt.follow-up': promptKinds.followUp.payload,
  'prompt.programme': promptKinds.programme.payload,
  'prompt.snoozed': promptKinds.snoozed.payload,
};

/**
 * Proactive prompts are composed when the outbox delivers them, so they use the current library and the
 * person's language. Each creates its PromptDelivery here, keyed by a ref, so a retried send reuses it and
 * the answer typed in chat finds it. A paused or opted-out person gets nothing (null = cancelled).
 */
export class PromptComposer {
  constructor(private readonly ctx: ReflectionDeps) {}

  async compose(kind: string, payload: unknown, actor: Actor): Promise<Message | null> {
    if (actor.person.paused || !(await this.ctx.reflections.acceptsPrompts(actor.person.id))) return null;
    switch (kind) {
      case 'prompt.scheduled': {
        const p = payloads[kind].safeParse(payload);
        return p.success ? this.ask(actor, 'SCHEDULE', `schedule:${p.data.slot}`, () => this.pick(actor)) : null;
      }
      case 'prompt.follow-up': {
        const p = payloads[kind].safeParse(payload);
        return p.success ? this.followUp(actor, p.data) : null;
      }
      case 'prompt.programme': {
        const p = payloads[kind].safeParse(payload);
        return p.success ? this.programmeStep(actor, p.data.enrolmentId, p.data.position) : null;
      }
      case 'prompt.snoozed': {
        const p = payloads[kind].safeParse(payload);
        if (!p.success) return null;
        const d = await this.ctx.reflections.reopen(p.data.deliveryId, actor.person.id, this.ctx.clock.now());
        return d ? promptMessage(actor, { prompt: d.prompt, deliveryId: d.id, intro: [translator(actor.locale)('reflect.intro_snoozed')] }) : null;
      }
      default:
        return null;
    }
  }

  private pick(actor: Actor, theme?: string) {
    return this.ctx.reflections.pickPrompt(actor.person.id, audiencesOf(actor), theme);
  }

  /** The delivery for `refId` (made now, or by an earlier attempt of this message) as a prompt card. */
  private async ask(
    actor: Actor,
    reason: DeliveryReason,
    refId: string,
    choose: () => Promise<Prompt | null>,
    card: Omit<PromptCard, 'prompt' | 'deliveryId'> = {},
  ): Promise<Message | null> {
    const existing = await this.ctx.reflections.deliveryByRef(actor.person.id, refId);
    if (existing) return existing.status === 'SENT' ? promptMessage(actor, { ...card, prompt: existing.prompt, deliveryId: existing.id }) : null;
    const prompt = await choose();
    if (!prompt) return null;
    const id = await this.ctx.reflections.createDelivery(actor.person.id, prompt.id, reason, this.ctx.clock.now(), refId);
    return promptMessage(actor, { ...card, prompt, deliveryId: id });
  }

  private async followUp(actor: Actor, p: z.infer<(typeof payloads)['prompt.follow-up']>) {
    const w = await this.ctx.workshops.get(p.workshopId);
    if (!w || w.cancelled) return null;
    const intro = translator(actor.locale)(`reflect.intro_follow_up_${p.stage}`, { title: w.title });
    return this.ask(actor, 'FOLLOW_UP', `follow-up:${p.signupId}:${p.stage}`, () => this.pick(actor, themeForTags(w.tags)), { intro: [intro] });
  }

  private async programmeStep(actor: Actor, enrolmentId: string, position: number): Promise<Message | null> {
    const e = await this.ctx.programmes.enrolment(enrolmentId);
    if (!e || e.personId !== actor.person.id) return null;
    const step = e.programme.steps.find((s) => s.position === position);
    if (!step) return null;
    const card = programmeCard(actor, e, position);
    if (!step.promptId) {
      const tr = translator(actor.locale);
      const lines = [...card.intro, tr('reflect.programme_task')];
      return { text: lines.join('\n'), blocks: [{ type: 'header', text: card.title }, ...lines.map((text) => ({ type: 'text' as const, text }))] };
    }
    const promptId = step.promptId;
    return this.ask(actor, 'PROGRAMME', `programme:${step.id}`, () => this.ctx.reflections.getPrompt(promptId), card);
  }
}

/** "100 dagen talent · Ontdekken" and "Stap 2 van 11: …", with a welcome on the first step. */
export function programmeCard(actor: Actor, e: Enrolment, position: number): { title: string; intro: string[] } {
  const tr = translator(actor.locale);
  const l = actor.locale;
  const step = e.programme.steps.find((s) => s.position === position)!;
  const intro: string[] = [];
  if (position === 1) intro.push(tr('reflect.programme_welcome', { name: e.programme.name[l] }), e.programme.description[l]);
  intro.push(tr('reflect.intro_programme', { step: position, steps: e.programme.steps.length, title: step.title[l] }));
  return { title: `${e.programme.name[l]} · ${step.phase[l]}`, intro: intro.filter(Boolean) };
}
