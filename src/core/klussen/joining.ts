import type { ActionInput } from '../feature.js';
import type { KlussenDeps } from './deps.js';
import { DomainError } from '../errors.js';
import { translator, type Translate } from './texts.js';
import { message, type Message, type Reply } from '../messages.js';
import type { Actor } from '../people/person.js';
import { joinDrafts, withdrawnDraft } from './drafts.js';
import { fieldText } from './fields.js';
import type { Klus } from './klus.js';
import { checkJoin, releaseFor } from './rules.js';

export const JOIN_FORM = 'klus.join';
export const MOTIVATION_MAX = 500;

type ListKlussen = (actor: Actor, q: string, notice?: string) => Promise<Message>;

/** "Ik doe mee" with a short motivation, and withdrawing again at any time. */
export class KlusJoining {
  constructor(
    private readonly ctx: KlussenDeps,
    private readonly list: ListKlussen,
  ) {}

  /** The motivation form; refused at once when the person may not join, so they do not write for nothing. */
  async form(actor: Actor, klusId: string): Promise<Reply> {
    const tr = translator(actor.locale);
    const klus = await this.ctx.klussen.get(klusId);
    if (!klus) throw new DomainError('not_found');
    checkJoin(actor.person, klus, this.ctx.clock.now());
    const before = await this.ctx.klussen.findInterest(klus.id, actor.person.id);
    return { messages: [joinForm(tr, klus, before?.motivation ?? '')] };
  }

  async join(actor: Actor, klusId: string, input: ActionInput): Promise<Reply> {
    const tr = translator(actor.locale);
    const now = this.ctx.clock.now();
    const motivation = fieldText(input.form?.motivation);
    if (motivation.length > MOTIVATION_MAX) {
      const klus = await this.ctx.klussen.get(klusId);
      if (!klus) throw new DomainError('not_found');
      return { messages: [joinForm(tr, klus, motivation, tr('klus.join.too_long', { max: MOTIVATION_MAX }))] };
    }
    const { klus, before, after } = await this.ctx.klussen.join({
      klusId,
      personId: actor.person.id,
      now,
      decide: (k, prior) => {
        checkJoin(actor.person, k, now);
        const raised = prior?.status === 'INTERESTED' || prior?.status === 'ACCEPTED';
        if (raised) return { motivation, releaseStatus: prior.releaseStatus, releaserId: prior.releaserId, unchanged: true };
        return { motivation, ...releaseFor(actor.person, k, prior), unchanged: false };
      },
      drafts: (k, interest) => joinDrafts(k, interest),
    });
    const again = before?.status === 'INTERESTED' || before?.status === 'ACCEPTED';
    const text = again
      ? tr(before.motivation === motivation ? 'klussen.already_interested' : 'klus.join.updated', { title: klus.title })
      : [tr('klussen.interested', { title: klus.title }), after.releaseStatus === 'PENDING' ? tr('klus.join.release_asked') : '']
          .filter(Boolean)
          .join(' ');
    return { messages: [message(text)], update: await this.list(actor, '', text) };
  }

  async withdraw(actor: Actor, klusId: string): Promise<Reply> {
    const tr = translator(actor.locale);
    const klus = await this.ctx.klussen.get(klusId);
    if (!klus) throw new DomainError('not_found');
    const interest = await this.ctx.klussen.findInterest(klus.id, actor.person.id);
    if (interest) {
      await this.ctx.klussen.transition(interest.id, (current) => {
        if (current.status === 'WITHDRAWN') return null;
        // An owner who had chosen this person needs to know; before that, the candidate list simply shrinks.
        return { status: 'WITHDRAWN', drafts: current.status === 'ACCEPTED' ? withdrawnDraft(current.klus, current) : [] };
      });
    }
    const text = tr('klussen.withdrawn', { title: klus.title });
    return { messages: [message(text)], update: await this.list(actor, '', text) };
  }
}

function joinForm(tr: Translate, klus: Klus, motivation: string, problem?: string): Message {
  const intro = tr('klus.join.intro', { title: klus.title });
  return {
    text: problem ?? intro,
    blocks: [
      { type: 'text', text: problem ? `${problem}\n${intro}` : intro },
      {
        type: 'form',
        form: {
          id: JOIN_FORM,
          value: klus.id,
          title: tr('klus.join.title'),
          submitLabel: tr('klus.join.submit'),
          fields: [
            {
              id: 'motivation',
              label: tr('klus.join.field'),
              kind: 'textarea',
              // Optional: a short "ik help graag" is fine, and a hand raised without words still counts.
              required: false,
              placeholder: tr('klus.join.placeholder'),
              maxLength: MOTIVATION_MAX,
              ...(motivation ? { initial: motivation } : {}),
            },
          ],
        },
      },
    ],
  };
}
