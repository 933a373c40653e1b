import type { ActionInput } from '../feature.js';
import type { KlussenDeps } from './deps.js';
import { DomainError } from '../errors.js';
import { translator, type Translate } from './texts.js';
import { message, type Block, type Message, type Reply } from '../messages.js';
import type { Actor } from '../people/person.js';
import { announceDraft, matchCapSince, matchDraft } from './drafts.js';
import type { FormValues } from './fields.js';
import type { Klus } from './klus.js';
import { klusValues, parseKlusForm, postForm } from './post-form.js';
import { candidatesButton, confirmButton, klusItem } from './render.js';
import { mayPost } from './rules.js';

export const myKlussenButton = (tr: Translate) => ({ action: 'nav.my-klussen', value: '', label: tr('klus.mine.title') });

/**
 * Posting a klus: form → draft with a preview → publish. The draft is stored, so the preview's buttons carry
 * only its id, and a mistake in the form comes back with everything that was typed still in it.
 */
export class KlusPosting {
  constructor(private readonly ctx: KlussenDeps) {}

  async start(actor: Actor): Promise<Reply> {
    const tr = translator(actor.locale);
    if (!mayPost(actor.person)) return { messages: [message(tr('klus.post.forbidden'))] };
    return { messages: [this.formMessage(actor, [tr('klus.post.intro')])] };
  }

  async submit(actor: Actor, input: ActionInput): Promise<Reply> {
    const tr = translator(actor.locale);
    if (!mayPost(actor.person)) return { messages: [message(tr('klus.post.forbidden'))] };
    const values: FormValues = input.form ?? {};
    const draftId = input.value || undefined;
    const parsed = parseKlusForm(values, this.formContext(actor), tr);
    if (!parsed.ok) return { messages: [this.problems(actor, parsed.problems, values, draftId)] };
    let klus: Klus | null;
    if (draftId) {
      await this.ownDraft(actor, draftId);
      klus = await this.ctx.klussen.updateDraft(draftId, parsed.value);
      if (!klus) return { messages: [message(tr('klus.draft_gone'))] };
    } else {
      klus = await this.ctx.klussen.createDraft(parsed.value, actor.person.id, actor.person.organizationId);
    }
    return { messages: [this.preview(actor, klus)] };
  }

  async edit(actor: Actor, draftId: string): Promise<Reply> {
    const klus = await this.ownDraft(actor, draftId);
    if (!klus) return { messages: [message(translator(actor.locale)('klus.draft_gone'))] };
    return { messages: [this.formMessage(actor, [], klusValues(klus, this.ctx.settings.timezone), klus.id)] };
  }

  async discard(actor: Actor, draftId: string): Promise<Reply> {
    const tr = translator(actor.locale);
    const draft = await this.ownDraft(actor, draftId);
    if (!draft || !(await this.ctx.klussen.deleteDraft(draft.id))) return { messages: [message(tr('klus.draft_gone'))] };
    const done = message(tr('klus.discarded'));
    return { messages: [done], update: done };
  }

  async publish(actor: Actor, draftId: string): Promise<Reply> {
    const tr = translator(actor.locale);
    if (!mayPost(actor.person)) return { messages: [message(tr('klus.post.forbidden'))] };
    const klus = await this.ownDraft(actor, draftId);
    if (!klus) return { messages: [message(tr('klus.draft_gone'))] };
    const now = this.ctx.clock.now();
    // The deadline may have passed while the draft waited: the form comes back to choose a new one.
    if (klus.deadline && klus.deadline < now) {
      return { messages: [this.problems(actor, [tr('klus.invalid.deadline_past')], klusValues(klus, this.ctx.settings.timezone), klus.id)] };
    }
    const done = await this.ctx.klussen.publish({
      klusId: klus.id,
      now,
      capSince: matchCapSince(now),
      matchDraft: (k, personId) => matchDraft(k, personId, now),
      announceDraft,
    });
    if (!done) return { messages: [message(tr('klus.already_published', { title: klus.title }))] };
    this.ctx.logger.info('klus published', { klusId: klus.id, matched: done.matched });
    const text = [tr('klus.published', { title: klus.title }), done.matched === 1 ? tr('klus.published_matches_one') : done.matched > 1 ? tr('klus.published_matches', { count: done.matched }) : '']
      .filter(Boolean)
      .join(' ');
    const card: Message = {
      text,
      blocks: [
        { type: 'text', text },
        klusItem(done.klus, tr, actor.locale, this.ctx.settings.timezone, { descriptionMax: 1000 }),
        { type: 'actions', buttons: [candidatesButton(klus.id, tr), myKlussenButton(tr)] },
      ],
    };
    return { messages: [message(text)], update: card };
  }

  preview(actor: Actor, klus: Klus): Message {
    const tr = translator(actor.locale);
    return {
      text: tr('klus.preview.title'),
      blocks: [
        { type: 'header', text: tr('klus.preview.title') },
        { type: 'text', text: tr('klus.preview.text') },
        klusItem(klus, tr, actor.locale, this.ctx.settings.timezone, { descriptionMax: 1000 }),
        {
          type: 'actions',
          buttons: [
            { action: 'klus.publish', value: klus.id, label: tr('klus.preview.publish'), style: 'primary' },
            { action: 'klus.edit', value: klus.id, label: tr('klus.preview.edit') },
            confirmButton(
              'klus.discard',
              klus.id,
              tr('klus.preview.discard'),
              { title: tr('klus.preview.discard_title'), text: tr('klus.preview.discard_text', { title: klus.title }) },
              tr,
            ),
          ],
        },
      ],
    };
  }

  /** The draft, when it is the actor's own; null when it is gone or no longer a draft. */
  private async ownDraft(actor: Actor, id: string): Promise<Klus | null> {
    const klus = await this.ctx.klussen.get(id);
    if (!klus) return null;
    if (klus.ownerId !== actor.person.id) throw new DomainError('forbidden');
    return klus.status === 'DRAFT' ? klus : null;
  }

  private formContext(actor: Actor) {
    return { now: this.ctx.clock.now(), timezone: this.ctx.settings.timezone, hasOrganization: actor.person.organizationId !== null };
  }

  private problems(actor: Actor, problems: string[], values: FormValues, draftId: string | undefined): Message {
    const tr = translator(actor.locale);
    const text = [tr('klus.invalid.header'), ...problems.map((p) => `• ${p}`), tr('klus.invalid.footer')].join('\n');
    return this.formMessage(actor, [text], values, draftId);
  }

  private formMessage(actor: Actor, lines: string[], values?: FormValues, draftId?: string): Message {
    const tr = translator(actor.locale);
    const form = postForm(tr, { ...(values ? { values } : {}), ...(draftId ? { draftId } : {}), hasOrganization: actor.person.organizationId !== null });
    const blocks: Block[] = [...lines.map((text): Block => ({ type: 'text', text })), { type: 'form', form }];
    return { text: lines[0] ?? form.title, blocks };
  }
}
