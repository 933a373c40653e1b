import type { WorkshopsDeps } from './deps.js';
import { DomainError } from '../errors.js';
import { formatSlot } from '../format.js';
import { translator } from './texts.js';
import { message, type Block, type Form, type Message, type Reply } from '../messages.js';
import { hasRole, type Actor } from '../people/person.js';
import { formatInput } from '../time.js';
import { parseWorkshopForm, WORKSHOP_FORM_FIELDS } from './workshop-form.js';
import type { Workshop } from './workshop.js';
import type { WorkshopEdit } from './workshop-admin-repository.js';

const PAGE = 8;

/** HR's side of workshops: figures per workshop, participants, edits and cancellations that notify, attendance. */
export class ManageWorkshopsService {
  constructor(private readonly ctx: WorkshopsDeps) {}

  private guard(actor: Actor) {
    if (!hasRole(actor.person, 'HR')) throw new DomainError('forbidden');
  }

  async list(actor: Actor, offset = 0, notice?: string): Promise<Message> {
    this.guard(actor);
    const tr = translator(actor.locale);
    const now = this.ctx.clock.now();
    // Workshops of the last two weeks stay on the list, so attendance can still be marked.
    const { items, total } = await this.ctx.workshopAdmin.stats(new Date(now.getTime() - 14 * 86_400_000), PAGE, offset);
    const blocks: Block[] = [{ type: 'header', text: tr('manage.title') }];
    if (notice) blocks.push({ type: 'text', text: notice });
    if (items.length === 0) blocks.push({ type: 'text', text: tr('workshops.none') });
    for (const { workshop: w, confirmed, waitlisted, attended } of items) {
      const fill = Math.round((100 * confirmed) / w.capacity);
      const started = w.startsAt <= now;
      blocks.push({
        type: 'item',
        title: w.cancelled ? `${w.title} (${tr('error.workshop_cancelled')})` : w.title,
        fields: [
          { label: tr('workshops.when'), value: formatSlot(w.startsAt, w.endsAt, actor.locale, this.ctx.settings.timezone) },
          { label: tr('workshops.status'), value: tr('manage.figures', { confirmed, capacity: w.capacity, waitlisted, fill }) },
          // The code is what HR types in a broadcast's button or `export signups --workshop`.
          { label: tr('manage.code'), value: w.key },
          ...(started ? [{ label: tr('manage.button_attendance'), value: tr('manage.attended', { attended }) }] : []),
        ],
        buttons: w.cancelled
          ? []
          : [
              { action: 'manage.participants', value: w.id, label: tr('manage.button_participants') },
              started
                ? { action: 'manage.attendance', value: w.id, label: tr('manage.button_attendance'), style: 'primary' as const }
                : { action: 'manage.edit', value: w.id, label: tr('manage.button_edit') },
              ...(started
                ? []
                : [{
                    action: 'manage.cancel',
                    value: w.id,
                    label: tr('manage.button_cancel'),
                    style: 'danger' as const,
                    confirm: { title: tr('manage.confirm_cancel_title'), text: tr('manage.confirm_cancel_text', { title: w.title }), yes: tr('common.yes'), no: tr('common.no') },
                  }]),
            ],
      });
    }
    const nav = [];
    if (offset > 0) nav.push({ action: 'manage.page', value: String(Math.max(0, offset - PAGE)), label: tr('common.previous') });
    if (offset + PAGE < total) nav.push({ action: 'manage.page', value: String(offset + PAGE), label: tr('common.next') });
    if (nav.length) blocks.push({ type: 'actions', buttons: nav });
    return { text: notice ?? tr('manage.title'), blocks };
  }

  private async workshop(id: string): Promise<Workshop> {
    const w = await this.ctx.workshops.get(id);
    if (!w) throw new DomainError('not_found');
    return w;
  }

  async participants(actor: Actor, workshopId: string): Promise<Reply> {
    this.guard(actor);
    const tr = translator(actor.locale);
    const w = await this.workshop(workshopId);
    const people = await this.ctx.workshopAdmin.participants(w.id);
    const lines = people.map((p) => {
      const status = p.status === 'WAITLISTED' ? ` (${tr('manage.waiting', { position: p.position ?? '?' })})` : p.attended ? ` (${tr('manage.present')})` : '';
      const by = p.signedUpBy ? ` – ${tr('manage.signed_up_by', { name: p.signedUpBy })}` : '';
      return `• ${p.name}${p.organization ? `, ${p.organization}` : ''}${status}${by}`;
    });
    const title = tr('manage.participants_title', { title: w.title });
    return { messages: [{ text: title, blocks: [{ type: 'header', text: title }, { type: 'text', text: lines.join('\n') || tr('manage.no_participants') }] }] };
  }

  async editForm(actor: Actor, workshopId: string): Promise<Reply> {
    this.guard(actor);
    const w = await this.workshop(workshopId);
    const form = this.form(actor, w, {});
    return { messages: [{ text: form.title, blocks: [{ type: 'form', form }] }] };
  }

  /** The edit form, filled from the workshop, or with what was typed when it comes back with problems. */
  private form(actor: Actor, w: Workshop, typed: Record<string, string>): Form {
    const tr = translator(actor.locale);
    const tz = this.ctx.settings.timezone;
    const initial = (k: string, stored: string) => typed[k] ?? stored;
    return {
      id: 'manage.edit.submit',
      value: w.id,
      title: tr('manage.edit_title', { title: w.title }),
      submitLabel: tr('manage.save'),
      fields: [
        { id: 'title', label: tr('manage.field_title'), kind: 'text', required: true, initial: initial('title', w.title), maxLength: 200 },
        { id: 'starts', label: tr('manage.field_starts'), kind: 'text', required: true, initial: initial('starts', formatInput(w.startsAt, tz)), placeholder: tr('manage.time_placeholder') },
        { id: 'ends', label: tr('manage.field_ends'), kind: 'text', required: true, initial: initial('ends', formatInput(w.endsAt, tz)), placeholder: tr('manage.time_placeholder') },
        { id: 'location', label: tr('manage.field_location'), kind: 'text', required: false, initial: initial('location', w.onlineUrl ?? w.location ?? '') },
        { id: 'capacity', label: tr('manage.field_capacity'), kind: 'number', required: true, initial: initial('capacity', String(w.capacity)) },
        {
          id: 'deadline',
          label: tr('manage.field_deadline'),
          kind: 'text',
          required: false,
          initial: initial('deadline', w.signupDeadline ? formatInput(w.signupDeadline, tz) : ''),
          placeholder: tr('manage.time_placeholder'),
        },
      ],
    };
  }

  /** Every mistake is named at once, and the form comes back with what was typed. */
  async submitEdit(actor: Actor, workshopId: string, form: Record<string, string | string[]>): Promise<Reply> {
    this.guard(actor);
    const tr = translator(actor.locale);
    const w = await this.workshop(workshopId);
    const parsed = parseWorkshopForm(form, tr, this.ctx.settings.timezone);
    if (!parsed.ok) {
      const typed = Object.fromEntries(WORKSHOP_FORM_FIELDS.map((k) => [k, parsed.typed[k] ?? '']));
      const text = [tr('manage.invalid_intro'), ...parsed.problems.map((p) => `• ${p}`)].join('\n');
      return { messages: [{ text, blocks: [{ type: 'text', text }, { type: 'form', form: this.form(actor, w, typed) }] }] };
    }
    // An empty title keeps the old one.
    const { title, ...rest } = parsed.edit;
    const edit: WorkshopEdit = { ...(title ? { title } : {}), ...rest };
    const saved = await this.ctx.workshopAdmin.edit(workshopId, edit, this.ctx.clock.now());
    const text = tr('manage.saved', { title: saved.title });
    return { messages: [message(text)], update: await this.list(actor, 0, text) };
  }

  async cancel(actor: Actor, workshopId: string): Promise<Reply> {
    this.guard(actor);
    const w = await this.ctx.workshopAdmin.cancelWorkshop(workshopId, this.ctx.clock.now());
    const text = translator(actor.locale)('manage.cancelled', { title: w.title });
    return { messages: [message(text)], update: await this.list(actor, 0, text) };
  }

  async attendanceForm(actor: Actor, workshopId: string): Promise<Reply> {
    this.guard(actor);
    const tr = translator(actor.locale);
    const w = await this.workshop(workshopId);
    const confirmed = (await this.ctx.workshopAdmin.participants(w.id)).filter((p) => p.status === 'CONFIRMED' && p.personId);
    const form = {
      id: 'manage.attendance.submit',
      value: w.id,
      title: tr('manage.attendance_title', { title: w.title }),
      submitLabel: tr('manage.save'),
      fields: [
        {
          id: 'present',
          label: tr('manage.attendance_field'),
          kind: 'multiselect' as const,
          required: false,
          options: confirmed.map((p) => ({ value: p.personId!, label: p.name })),
          initial: confirmed.filter((p) => p.attended).map((p) => p.personId!).join(','),
        },
      ],
    };
    return { messages: [{ text: form.title, blocks: [{ type: 'form', form }] }] };
  }

  async submitAttendance(actor: Actor, workshopId: string, form: Record<string, string | string[]>): Promise<Reply> {
    this.guard(actor);
    const raw = form.present ?? [];
    const ids = (Array.isArray(raw) ? raw : raw.split(',')).map((s) => s.trim()).filter(Boolean);
    const count = await this.ctx.workshopAdmin.markAttendance(workshopId, ids, this.ctx.clock.now());
    const text = translator(actor.locale)('manage.attendance_saved', { count });
    return { messages: [message(text)], update: await this.list(actor, 0, text) };
  }
}
