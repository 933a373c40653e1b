import type { ReflectionDeps } from './deps.js';
import { DomainError } from '../errors.js';
import { formatDate } from '../format.js';
import { translator } from './texts.js';
import { message, type Block, type Message, type Reply } from '../messages.js';
import { hasRole, type Actor } from '../people/person.js';
import type { ActionInput } from '../feature.js';
import type { Enrolment, ProgrammeSummary } from './programme.js';
import { programmeStepDue, zoneOr } from './rhythm.js';

/** Figures about people are shown for groups of at least this many only. */
export const MIN_GROUP = 5;

const field = (input: ActionInput, id: string) => {
  const v = input.form?.[id];
  return (Array.isArray(v) ? v.join('\n') : (v ?? '')).trim();
};

/** Programmes: where a person is; and for HR, the programmes with group figures and enrolment. */
export class ProgrammeService {
  constructor(private readonly ctx: ReflectionDeps) {}

  async overview(actor: Actor): Promise<Message> {
    const tr = translator(actor.locale);
    const blocks: Block[] = [{ type: 'header', text: tr('programme.title') }];
    const mine = await this.ctx.programmes.enrolmentsOf(actor.person.id);
    if (mine.length === 0) blocks.push({ type: 'text', text: tr('programme.none') });
    for (const e of mine) blocks.push(await this.whereAmI(actor, e));
    if (hasRole(actor.person, 'HR')) {
      blocks.push({ type: 'divider' }, { type: 'header', text: tr('programme.manage') });
      for (const p of await this.ctx.programmes.list()) blocks.push(this.summary(actor, p));
    }
    return { text: tr('programme.title'), blocks };
  }

  /** One line of where the person is: phase, step n of m, and the next step's date. */
  async whereAmI(actor: Actor, e: Enrolment): Promise<{ type: 'item'; title: string; text: string }> {
    const tr = translator(actor.locale);
    const l = actor.locale;
    const steps = e.programme.steps;
    const current = steps.find((s) => s.position === e.lastStep);
    const next = steps.find((s) => s.position > e.lastStep);
    const lines = [e.programme.description[l]];
    if (current) lines.push(tr('programme.where', { phase: current.phase[l], step: current.position, steps: steps.length }));
    else lines.push(tr('programme.not_started'));
    if (e.completedAt || !next) lines.push(tr('programme.done'));
    else {
      const rhythm = await this.ctx.promptSchedule.rhythmOf(actor.person.id);
      const tz = zoneOr(rhythm.timezone, this.ctx.settings.timezone);
      const at = programmeStepDue(e.startedAt, next.offsetDays, rhythm, tz);
      lines.push(tr('programme.next', { title: next.title[l], date: formatDate(at, l, tz) }));
    }
    return { type: 'item', title: e.programme.name[l], text: lines.filter(Boolean).join('\n') };
  }

  private summary(actor: Actor, p: ProgrammeSummary): Block {
    const tr = translator(actor.locale);
    const lines = [tr('programme.stats', { steps: p.steps.length, participants: p.participants })];
    // Answer counts are about the people in the programme: shown only when they are at least five.
    if (p.participants >= MIN_GROUP) lines.push(tr('programme.stats_answers', { answered: p.answered, skipped: p.skipped }));
    else if (p.participants > 0) lines.push(tr('programme.stats_small'));
    return {
      type: 'item',
      title: p.name[actor.locale],
      text: lines.join('\n'),
      buttons: [{ action: 'programme.enrol_form', value: p.id, label: tr('programme.button_enrol') }],
    };
  }

  async enrolForm(actor: Actor, programmeId: string): Promise<Reply> {
    this.requireHr(actor);
    const tr = translator(actor.locale);
    const p = await this.ctx.programmes.get(programmeId);
    if (!p) throw new DomainError('not_found');
    const orgs = await this.ctx.programmes.organisations();
    return {
      messages: [
        {
          text: p.name[actor.locale],
          blocks: [
            { type: 'header', text: p.name[actor.locale] },
            {
              type: 'form',
              form: {
                id: 'programme.enrol',
                value: p.id,
                title: tr('programme.form_title'),
                submitLabel: tr('programme.button_enrol'),
                fields: [
                  { id: 'emails', label: tr('programme.field_emails'), kind: 'textarea', required: false, maxLength: 20_000 },
                  { id: 'organization', label: tr('programme.field_org'), kind: 'select', required: false, options: orgs.slice(0, 100).map((o) => ({ value: o.id, label: o.name })) },
                  { id: 'department', label: tr('programme.field_department'), kind: 'text', required: false, maxLength: 200 },
                ],
              },
            },
          ],
        },
      ],
    };
  }

  /** HR enrols people by e-mail, or a whole organisation (optionally one department). Checked here, not by the button. */
  async enrol(actor: Actor, input: ActionInput): Promise<Reply> {
    this.requireHr(actor);
    const tr = translator(actor.locale);
    const p = await this.ctx.programmes.get(input.value);
    if (!p) throw new DomainError('not_found');
    const emails = field(input, 'emails').split(/[\s,;]+/).filter((e) => e.includes('@'));
    const organizationId = field(input, 'organization') || null;
    const department = field(input, 'department') || null;
    const found = await this.ctx.programmes.findPeople({ emails, organizationId, department });
    const lines: string[] = [];
    if (found.personIds.length === 0) lines.push(tr('programme.nobody'));
    else {
      const r = await this.ctx.programmes.enrol(p.id, found.personIds, actor.person.id, this.ctx.clock.now());
      lines.push(tr('programme.enrolled', { enrolled: r.enrolled, already: r.already, name: p.name[actor.locale] }));
    }
    if (found.unknownEmails.length) lines.push(tr('programme.unknown', { emails: found.unknownEmails.join(', ') }));
    return { messages: [message(lines.join('\n'))] };
  }

  private requireHr(actor: Actor) {
    if (!hasRole(actor.person, 'HR')) throw new DomainError('forbidden');
  }
}
