import type { ActionInput } from '../feature.js';
import type { KlussenDeps } from './deps.js';
import { translator } from './texts.js';
import type { Block, Message, Reply } from '../messages.js';
import { normaliseSkill, type Actor } from '../people/person.js';
import { fieldText, skillList } from './fields.js';

export const SKILLS_FORM = 'skills.save';
const MAX_SKILLS = 30;
const MAX_LENGTH = 50;

/** "vaardigheden": what a person can do, kept up to date in chat; it decides which klussen they see first. */
export class SkillsService {
  constructor(private readonly ctx: KlussenDeps) {}

  async show(actor: Actor): Promise<Reply> {
    return { messages: [await this.card(actor, actor.person.skills)] };
  }

  async save(actor: Actor, input: ActionInput): Promise<Reply> {
    const tr = translator(actor.locale);
    const typed = fieldText(input.form?.skills);
    const skills = skillList(input.form?.skills);
    const problem =
      skills.length > MAX_SKILLS
        ? tr('skills.too_many', { max: MAX_SKILLS })
        : skills.some((s) => s.length > MAX_LENGTH)
          ? tr('skills.too_long', { max: MAX_LENGTH })
          : null;
    if (problem) return { messages: [await this.card(actor, actor.person.skills, `${problem} ${tr('skills.try_again')}`, typed)] };
    await this.ctx.people.setSkills(actor.person.id, skills);
    const now = (await this.ctx.people.findById(actor.person.id))?.skills ?? skills;
    // Skills an owner confirmed stay: they are someone else's word about this person.
    const wanted = new Set(skills);
    const kept = now.filter((s) => !wanted.has(normaliseSkill(s)));
    const notice = [tr('skills.saved'), kept.length ? tr('skills.kept_confirmed', { skills: kept.join(', ') }) : ''].filter(Boolean).join(' ');
    return { messages: [await this.card(actor, now, notice)] };
  }

  private async card(actor: Actor, skills: string[], notice?: string, typed?: string): Promise<Message> {
    const tr = translator(actor.locale);
    const confirmed = new Set(await this.ctx.klussen.confirmedSkills(actor.person.id));
    const shown = [...skills].sort((a, b) => a.localeCompare(b)).map((s) => (confirmed.has(s) ? `${s} ✓` : s));
    const blocks: Block[] = [{ type: 'header', text: tr('skills.title') }];
    if (notice) blocks.push({ type: 'text', text: notice });
    blocks.push({ type: 'text', text: shown.length ? tr('skills.list', { skills: shown.join(', ') }) : tr('skills.none') });
    if (confirmed.size) blocks.push({ type: 'context', text: tr('skills.confirmed_note') });
    const initial = typed ?? [...skills].sort((a, b) => a.localeCompare(b)).join(', ');
    blocks.push({
      type: 'form',
      form: {
        id: SKILLS_FORM,
        title: tr('skills.form_title'),
        submitLabel: tr('skills.form_submit'),
        fields: [
          {
            id: 'skills',
            label: tr('skills.form_field'),
            kind: 'textarea',
            required: false,
            placeholder: tr('skills.form_placeholder'),
            maxLength: 1500,
            ...(initial ? { initial } : {}),
          },
        ],
      },
    });
    return { text: notice ?? tr('skills.title'), blocks };
  }
}
