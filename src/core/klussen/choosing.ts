import type { ActionInput } from '../feature.js';
import type { KlussenDeps } from './deps.js';
import { DomainError } from '../errors.js';
import { translator, type Translate } from './texts.js';
import { message, type Block, type Button, type Message, type Reply } from '../messages.js';
import { normaliseSkill, type Actor } from '../people/person.js';
import { decisionDraft, skillsConfirmedDraft } from './drafts.js';
import { skillList } from './fields.js';
import type { Candidate, InterestDetails, Klus } from './klus.js';
import { myKlussenButton } from './posting.js';
import { POST_LIMITS } from './post-form.js';
import { confirmButton } from './render.js';
import { checkDecision, checkFinish, mayManage } from './rules.js';

export const CONFIRM_SKILLS_FORM = 'klus.skills-confirm';
const MAX_SHOWN = 30;

/** The owner's (and HR's) side: candidates with what fits and why, choosing, finishing, confirming skills. */
export class KlusChoosing {
  constructor(private readonly ctx: KlussenDeps) {}

  async view(actor: Actor, klusId: string): Promise<Reply> {
    return { messages: [await this.candidates(actor, klusId)] };
  }

  async candidates(actor: Actor, klusId: string, notice?: string): Promise<Message> {
    const tr = translator(actor.locale);
    const klus = await this.ctx.klussen.get(klusId);
    if (!klus) throw new DomainError('not_found');
    if (!mayManage(actor.person, klus)) return message(tr('klus.candidates.forbidden'));
    const all = await this.ctx.klussen.candidates(klus.id);
    const title = tr('klus.candidates.title', { title: klus.title });
    const blocks: Block[] = [{ type: 'header', text: title }];
    if (notice) blocks.push({ type: 'text', text: notice });
    if (klus.status !== 'OPEN') blocks.push({ type: 'context', text: `${tr('klussen.status')}: ${tr(`klus.state.${klus.status}`)}` });
    if (all.length === 0) blocks.push({ type: 'text', text: tr('klus.candidates.none') });
    for (const c of all.slice(0, MAX_SHOWN)) blocks.push(candidateItem(c, klus, tr));
    if (all.some((c) => c.confirmedSkills.length > 0)) blocks.push({ type: 'context', text: tr('klus.candidates.confirmed_note') });
    const buttons: Button[] = [];
    if (klus.status === 'OPEN' || klus.status === 'EXPIRED') {
      buttons.push(
        confirmButton('klus.fill', klus.id, tr('klus.candidates.fill'), { title: tr('klus.candidates.fill_title'), text: tr('klus.candidates.fill_text') }, tr),
        confirmButton('klus.close', klus.id, tr('klus.candidates.close'), { title: tr('klus.candidates.close_title'), text: tr('klus.candidates.close_text') }, tr),
      );
    }
    buttons.push(myKlussenButton(tr));
    blocks.push({ type: 'actions', buttons });
    return { text: notice ?? title, blocks };
  }

  async decide(actor: Actor, interestId: string, to: 'ACCEPTED' | 'DECLINED'): Promise<Reply> {
    const tr = translator(actor.locale);
    const now = this.ctx.clock.now();
    const done = await this.ctx.klussen.transition(interestId, (current) => {
      if (!mayManage(actor.person, current.klus)) throw new DomainError('forbidden');
      if (current.status === to) return null;
      checkDecision(current, current.klus, to, current.candidateName);
      return { status: to, decidedAt: now, drafts: decisionDraft(current, to) };
    });
    if (!done) throw new DomainError('not_found');
    const { before } = done;
    const params = { name: before.candidateName, title: before.klus.title };
    const text = before.status === to ? tr('klus.decision_same') : tr(to === 'ACCEPTED' ? 'klus.accepted' : 'klus.declined', params);
    return { messages: [message(text)], update: await this.candidates(actor, before.klusId, text) };
  }

  async finish(actor: Actor, klusId: string, to: 'FILLED' | 'CLOSED'): Promise<Reply> {
    const tr = translator(actor.locale);
    const now = this.ctx.clock.now();
    const klus = await this.ctx.klussen.get(klusId);
    if (!klus) throw new DomainError('not_found');
    if (!mayManage(actor.person, klus)) throw new DomainError('forbidden');
    const done = await this.ctx.klussen.finish({
      klusId: klus.id,
      to,
      now,
      check: (k) => checkFinish(k, to),
      drafts: (_k, declined) => declined.flatMap((i) => decisionDraft(i, to)),
    });
    if (!done) throw new DomainError('not_found');
    const text = done.already
      ? tr('klus.finish_same', { title: klus.title })
      : [tr(to === 'FILLED' ? 'klus.filled' : 'klus.closed', { title: klus.title }), done.declined === 1 ? tr('klus.finished_others_one') : done.declined > 1 ? tr('klus.finished_others', { count: done.declined }) : '']
          .filter(Boolean)
          .join(' ');
    return { messages: [message(text)], update: await this.candidates(actor, klus.id, text) };
  }

  /** A form with the skills the klus asked for and the person listed; the owner ticks what they showed. */
  async confirmForm(actor: Actor, interestId: string): Promise<Reply> {
    const tr = translator(actor.locale);
    const { details, candidate } = await this.chosen(actor, interestId);
    if (!candidate) return { messages: [message(tr('klus.confirm.only_accepted'))] };
    const options = [...new Set([...details.klus.skills, ...candidate.skills].map(normaliseSkill))].slice(0, 50);
    const params = { name: candidate.name, title: details.klus.title };
    const confirmed = candidate.confirmedSkills.filter((s) => options.includes(s));
    return {
      messages: [
        {
          text: tr('klus.confirm.intro', params),
          blocks: [
            { type: 'text', text: tr('klus.confirm.intro', params) },
            {
              type: 'form',
              form: {
                id: CONFIRM_SKILLS_FORM,
                value: details.id,
                title: tr('klus.confirm.title'),
                submitLabel: tr('klus.confirm.submit'),
                fields: [
                  {
                    id: 'skills',
                    label: tr('klus.confirm.field', { name: candidate.name }),
                    kind: 'multiselect',
                    required: true,
                    options: options.map((s) => ({ value: s, label: s })),
                    ...(confirmed.length ? { initial: confirmed.join(', ') } : {}),
                  },
                ],
              },
            },
          ],
        },
      ],
    };
  }

  async confirmSkills(actor: Actor, interestId: string, input: ActionInput): Promise<Reply> {
    const tr = translator(actor.locale);
    const now = this.ctx.clock.now();
    const { details, candidate } = await this.chosen(actor, interestId);
    if (!candidate || !details.personId) return { messages: [message(tr('klus.confirm.only_accepted'))] };
    const skills = skillList(input.form?.skills).filter((s) => s.length <= POST_LIMITS.skill).slice(0, POST_LIMITS.skills);
    if (skills.length === 0) return { messages: [message(tr('klus.confirm.none'))] };
    await this.ctx.klussen.confirmSkills({
      personId: details.personId,
      skills,
      confirmedById: actor.person.id,
      now,
      drafts: [skillsConfirmedDraft(details.klus, details.personId, skills)],
    });
    const text = tr('klus.confirm.done', { name: candidate.name, skills: skills.join(', ') });
    return { messages: [message(text)] };
  }

  /** The interest, checked for rights; `candidate` only when the person was chosen (and is not erased). */
  private async chosen(actor: Actor, interestId: string): Promise<{ details: InterestDetails; candidate: Candidate | null }> {
    const details = await this.ctx.klussen.getInterest(interestId);
    if (!details) throw new DomainError('not_found');
    if (!mayManage(actor.person, details.klus)) throw new DomainError('forbidden');
    if (details.status !== 'ACCEPTED') return { details, candidate: null };
    const candidate = (await this.ctx.klussen.candidates(details.klusId)).find((c) => c.id === details.id) ?? null;
    return { details, candidate };
  }
}

function candidateItem(c: Candidate, klus: Klus, tr: Translate): Block {
  const own = new Set(c.skills.map(normaliseSkill));
  const sure = new Set(c.confirmedSkills.map(normaliseSkill));
  const fits = klus.skills.filter((s) => own.has(normaliseSkill(s))).map((s) => (sure.has(normaliseSkill(s)) ? `${s} ✓` : s));
  const fields = [
    { label: tr('klus.candidates.fits'), value: fits.length ? fits.join(', ') : tr('klus.candidates.fits_none') },
    { label: tr('klus.candidates.status'), value: tr(`klus.interest.${c.status}`) },
  ];
  if (c.releaseStatus !== 'NOT_NEEDED') fields.push({ label: tr('klus.candidates.release'), value: tr(`klus.release_status.${c.releaseStatus}`) });
  const deciding = klus.status === 'OPEN' || klus.status === 'EXPIRED';
  const released = c.releaseStatus === 'NOT_NEEDED' || c.releaseStatus === 'APPROVED';
  const buttons: Button[] = [];
  if (deciding && released && c.status !== 'ACCEPTED') {
    buttons.push({ action: 'klus.accept', value: c.id, label: tr('klus.candidates.accept'), style: 'primary' });
  }
  if (c.status === 'ACCEPTED') buttons.push({ action: 'klus.confirm-skills', value: c.id, label: tr('klus.candidates.confirm_skills') });
  if (deciding && c.status !== 'DECLINED') {
    const confirm = { title: tr('klus.candidates.decline_title'), text: tr('klus.candidates.decline_text', { name: c.name }) };
    buttons.push(confirmButton('klus.decline', c.id, tr('klus.candidates.decline'), confirm, tr));
  }
  return {
    type: 'item',
    title: c.organizationName ? `${c.name} – ${c.organizationName}` : c.name,
    text: c.motivation ? `${tr('klus.candidates.motivation')}: ${c.motivation}` : tr('klus.candidates.no_motivation'),
    fields,
    ...(buttons.length ? { buttons } : {}),
  };
}
