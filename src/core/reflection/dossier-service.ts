import type { ActionInput } from '../feature.js';
import type { ReflectionDeps } from './deps.js';
import { DomainError } from '../errors.js';
import { formatDate, truncate } from '../format.js';
import { translator } from './texts.js';
import { message, type Block, type Message, type Reply } from '../messages.js';
import type { Actor } from '../people/person.js';
import { dossierMarkdown, klusStatus, workshopStatus } from './dossier-markdown.js';
import type { ProgrammeService } from './programme-service.js';
import { zoneOr } from './rhythm.js';

const SHOWN_REFLECTIONS = 5;
const MAX_GOAL = 500;
const DOWNLOAD_VALID_MS = 60 * 60 * 1000;

/**
 * "mijn dossier": goals, reflections, workshops and klussen of the person asking, and nobody else. No command
 * or button takes a person: every read and write uses the actor's own id, so a manager or HR person who
 * replays someone's button value reaches only their own dossier.
 */
export class DossierService {
  constructor(
    private readonly ctx: ReflectionDeps,
    private readonly programmes: ProgrammeService,
  ) {}

  async view(actor: Actor, notice?: string): Promise<Message> {
    const tr = translator(actor.locale);
    const l = actor.locale;
    const tz = zoneOr(actor.person.timezone, this.ctx.settings.timezone);
    const me = actor.person.id;
    const [goals, reflections, workshops, klussen, enrolments] = await Promise.all([
      this.ctx.dossier.goals(me),
      this.ctx.dossier.reflections(me, SHOWN_REFLECTIONS),
      this.ctx.dossier.workshops(me),
      this.ctx.dossier.klussen(me),
      this.ctx.programmes.enrolmentsOf(me),
    ]);
    const blocks: Block[] = [{ type: 'header', text: tr('dossier.title') }, { type: 'context', text: tr('dossier.private') }];
    if (notice) blocks.push({ type: 'text', text: notice });

    blocks.push({ type: 'header', text: tr('dossier.goals') });
    if (goals.length === 0) blocks.push({ type: 'text', text: tr('dossier.no_goals') });
    for (const g of goals) {
      blocks.push(
        g.doneAt
          ? { type: 'item', title: `✓ ${g.text}`, text: tr('dossier.goal_done_on', { date: formatDate(g.doneAt, l, tz) }) }
          : {
              type: 'item',
              title: g.text,
              text: tr('dossier.goal_since', { date: formatDate(g.createdAt, l, tz) }),
              buttons: [{ action: 'goal.done', value: g.id, label: tr('dossier.button_goal_done'), style: 'primary' }],
            },
      );
    }

    if (enrolments.length) {
      blocks.push({ type: 'header', text: tr('dossier.programmes') });
      for (const e of enrolments) blocks.push(await this.programmes.whereAmI(actor, e));
    }

    blocks.push({ type: 'header', text: tr('dossier.reflections') });
    if (reflections.total === 0) blocks.push({ type: 'text', text: tr('dossier.no_reflections') });
    else blocks.push({ type: 'context', text: tr('dossier.reflection_count', { count: reflections.total }) });
    for (const r of reflections.items) {
      // A follow-up answer stands under its own question, never as if it answered the main one.
      const fq = r.followUp?.question[l];
      const followUp = r.followUp ? `${tr('dossier.md_follow_up')}${fq ? `: ${fq}` : ''}\n${r.followUp.text}` : '';
      const answer = [r.text, r.scale !== null ? tr('dossier.scale', { scale: r.scale }) : '', followUp].filter(Boolean).join('\n');
      blocks.push({
        type: 'item',
        title: truncate(r.question?.[l] ?? formatDate(r.at, l, tz), 150),
        text: `${formatDate(r.at, l, tz)}\n${truncate(answer, 500)}`,
      });
    }

    blocks.push({ type: 'header', text: tr('dossier.workshops') });
    const shownWorkshops = workshops.slice(0, 10).map((w) => `• ${formatDate(w.startsAt, l, tz)}: ${w.title} (${workshopStatus(w, l)})`);
    blocks.push({ type: 'text', text: shownWorkshops.length ? shownWorkshops.join('\n') : tr('dossier.no_workshops') });
    blocks.push({ type: 'header', text: tr('dossier.klussen') });
    const shownKlussen = klussen.slice(0, 10).map((k) => `• ${k.title} (${klusStatus(k, l)})`);
    blocks.push({ type: 'text', text: shownKlussen.length ? shownKlussen.join('\n') : tr('dossier.no_klussen') });

    blocks.push({
      type: 'actions',
      buttons: [
        { action: 'goal.new', value: '', label: tr('dossier.button_goal_add') },
        { action: 'dossier.export', value: '', label: tr('dossier.button_export') },
      ],
    });
    return { text: tr('dossier.title'), blocks };
  }

  goalForm(actor: Actor): Reply {
    const tr = translator(actor.locale);
    return {
      messages: [
        {
          text: tr('dossier.goal_form_title'),
          blocks: [
            {
              type: 'form',
              form: {
                id: 'goal.add',
                title: tr('dossier.goal_form_title'),
                submitLabel: tr('reflect.form_submit'),
                fields: [{ id: 'goal', label: tr('dossier.goal_field'), kind: 'textarea', required: true, maxLength: MAX_GOAL }],
              },
            },
          ],
        },
      ],
    };
  }

  async addGoal(actor: Actor, text: string): Promise<Reply> {
    const goal = text.replace(/\s+/g, ' ').trim().slice(0, MAX_GOAL);
    if (!goal) return this.goalForm(actor);
    await this.ctx.dossier.addGoal(actor.person.id, goal, this.ctx.clock.now());
    return { messages: [message(translator(actor.locale)('dossier.goal_added', { text: goal }))] };
  }

  async addGoalFromForm(actor: Actor, input: ActionInput): Promise<Reply> {
    const v = input.form?.goal;
    return this.addGoal(actor, Array.isArray(v) ? v.join(' ') : (v ?? ''));
  }

  async completeGoal(actor: Actor, goalId: string): Promise<Reply> {
    const goal = await this.ctx.dossier.completeGoal(actor.person.id, goalId, this.ctx.clock.now());
    if (!goal) throw new DomainError('not_found');
    const notice = translator(actor.locale)('dossier.goal_completed', { text: goal.text });
    return { messages: [], update: await this.view(actor, notice) };
  }

  /** The dossier as a Markdown file behind a link that works once, for one hour. */
  async export(actor: Actor): Promise<Reply> {
    const tr = translator(actor.locale);
    const l = actor.locale;
    const me = actor.person.id;
    const now = this.ctx.clock.now();
    const tz = zoneOr(actor.person.timezone, this.ctx.settings.timezone);
    const [goals, reflections, workshops, klussen, enrolments] = await Promise.all([
      this.ctx.dossier.goals(me),
      this.ctx.dossier.reflections(me),
      this.ctx.dossier.workshops(me),
      this.ctx.dossier.klussen(me),
      this.ctx.programmes.enrolmentsOf(me),
    ]);
    const programmes = await Promise.all(
      enrolments.map(async (e) => `${e.programme.name[l]}: ${(await this.programmes.whereAmI(actor, e)).text.replace(/\n/g, ' ')}`),
    );
    const md = dossierMarkdown(
      { name: actor.person.name, goals, reflections: reflections.items, workshops, klussen, programmes },
      l,
      tz,
      now,
    );
    const day = now.toISOString().slice(0, 10);
    const token = await this.ctx.downloads.create({
      personId: me,
      filename: `${l === 'nl' ? 'talentdossier' : 'talent-dossier'}-${day}.md`,
      mimeType: 'text/markdown; charset=utf-8',
      content: new TextEncoder().encode(md),
      expiresAt: new Date(now.getTime() + DOWNLOAD_VALID_MS),
    });
    const url = `${this.ctx.settings.publicUrl}/downloads/${token}`;
    const text = tr('dossier.export_ready');
    return {
      messages: [
        {
          text: `${text} ${url}`,
          blocks: [
            { type: 'text', text },
            { type: 'actions', buttons: [{ action: 'dossier.open', value: '', label: tr('dossier.button_open'), url, style: 'primary' }] },
          ],
        },
      ],
      // The link arrives as a message of its own; the dossier card that was clicked stays as it was.
      update: await this.view(actor),
    };
  }
}
