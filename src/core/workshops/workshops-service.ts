import type { WorkshopsDeps } from './deps.js';
import { DomainError, isDomainError, type ErrorCode } from '../errors.js';
import { formatDayDate, formatSlot } from '../format.js';
import { translator, type MessageKey } from './texts.js';
import { message, type Block, type Message, type Reply } from '../messages.js';
import type { Actor } from '../people/person.js';
import { decideSignup } from './decide-signup.js';
import { encodeState, PAGE_SIZE, workshopItem, type ListState } from './render.js';
import { parseWorkshopFilter } from './filter.js';
import type { Workshop, WorkshopForPerson } from './workshop.js';
import { z } from 'zod';
import type { WorkshopPayload } from './outbox-kinds.js';
import { promotionDrafts, reminderDrafts } from './reminders.js';

/** What a click on an old card can meet: it is answered in the redrawn list, not instead of it. */
const STALE: ErrorCode[] = ['not_signed_up', 'workshop_closed', 'workshop_cancelled', 'workshop_past', 'workshop_overlap'];

const listState = z.object({ w: z.string().uuid().optional(), q: z.string().max(200), o: z.number().int().min(0) });

export function parseListState(value: string): ListState {
  try {
    return listState.parse(JSON.parse(value));
  } catch {
    // Older or hand-made values may carry just the workshop id.
    if (z.string().uuid().safeParse(value).success) return { w: value, q: '', o: 0 };
    throw new DomainError('unknown_action');
  }
}

export class WorkshopsService {
  constructor(private readonly ctx: WorkshopsDeps) {}

  async list(actor: Actor, state: Omit<ListState, 'w'>, notice?: string): Promise<Message> {
    const tr = translator(actor.locale);
    const { timezone, publicUrl } = this.ctx.settings;
    const now = this.ctx.clock.now();
    const filter = parseWorkshopFilter(state.q, now, timezone);
    const { items, total } = await this.ctx.workshops.listForPerson({
      personId: actor.person.id,
      organizationId: actor.person.organizationId,
      words: filter.words,
      from: filter.from,
      ...(filter.until ? { until: filter.until } : {}),
      limit: PAGE_SIZE,
      offset: state.o,
    });
    const title = state.q ? tr('workshops.title_filtered', { filter: state.q }) : tr('workshops.title');
    const blocks: Block[] = [{ type: 'header', text: title }];
    // "dinsdag" is a date to the bot: say which one, so a wrong guess shows at once.
    if (filter.day) blocks.push({ type: 'context', text: tr('workshops.on_day', { date: formatDayDate(filter.day, actor.locale, timezone) }) });
    if (notice) blocks.push({ type: 'text', text: notice });
    if (items.length === 0) blocks.push({ type: 'text', text: tr('workshops.none') });
    for (const w of items) blocks.push(workshopItem(w, tr, actor.locale, timezone, publicUrl, state));
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (pages > 1) {
      const page = Math.floor(state.o / PAGE_SIZE) + 1;
      blocks.push({ type: 'context', text: tr('common.page', { page, pages }) });
      const nav = [];
      if (state.o > 0)
        nav.push({ action: 'workshops.page', value: encodeState({ q: state.q, o: Math.max(0, state.o - PAGE_SIZE) }), label: tr('common.previous') });
      if (state.o + PAGE_SIZE < total)
        nav.push({ action: 'workshops.page', value: encodeState({ q: state.q, o: state.o + PAGE_SIZE }), label: tr('common.next') });
      blocks.push({ type: 'actions', buttons: nav });
    }
    return { text: notice ?? title, blocks };
  }

  /**
   * A click on an old card (cancelled elsewhere, the workshop full, closed or called off since) answers for that
   * item and redraws the whole list with the answer on top, so every other button stays usable.
   */
  private async staleSafe(actor: Actor, state: ListState, work: () => Promise<Reply>): Promise<Reply> {
    try {
      return await work();
    } catch (err) {
      if (!isDomainError(err) || !STALE.includes(err.code)) throw err;
      const text = translator(actor.locale)(`error.${err.code}` as MessageKey, { ...err.params });
      return { messages: [message(text)], update: await this.list(actor, { q: state.q, o: state.o }, text) };
    }
  }

  signUp(actor: Actor, state: ListState): Promise<Reply> {
    return this.staleSafe(actor, state, () => this.signUpNow(actor, state));
  }

  cancel(actor: Actor, state: ListState): Promise<Reply> {
    return this.staleSafe(actor, state, () => this.cancelNow(actor, state));
  }

  private async signUpNow(actor: Actor, state: ListState): Promise<Reply> {
    const tr = translator(actor.locale);
    const now = this.ctx.clock.now();
    const workshopId = state.w ?? '';
    const outcome = await this.ctx.workshops.signUp({
      workshopId,
      personId: actor.person.id,
      organizationId: actor.person.organizationId,
      now,
      decide: decideSignup,
      onConfirmed: (w) => reminderDrafts(w, actor.person.id, `${w.id}:${actor.person.id}`, now),
    });
    const title = outcome.workshop.title;
    const text =
      outcome.status === 'CONFIRMED'
        ? tr(outcome.unchanged ? 'workshops.signed_up_again' : 'workshops.signed_up', { title })
        : tr(outcome.unchanged ? 'workshops.waitlisted_again' : 'workshops.waitlisted', {
            title,
            position: outcome.position ?? '?',
          });
    // Only the clicked workshop is redrawn, from what the sign-up returned: no list queries while a rush is on.
    const mine: WorkshopForPerson = {
      ...outcome.workshop,
      myStatus: outcome.status,
      myPosition: outcome.position,
      waitlistLength: outcome.waitlistLength,
    };
    const list = { q: state.q, o: state.o };
    const item = workshopItem(mine, tr, actor.locale, this.ctx.settings.timezone, this.ctx.settings.publicUrl, list);
    const notice: Block = { type: 'text', text };
    // Where the list cannot be kept around the item (a Teams card, a copy of the list), one way back to it.
    const back: Block = { type: 'actions', buttons: [{ action: 'workshops.page', value: encodeState(list), label: tr('workshops.back_to_list') }] };
    // A message of its own (not only the redrawn card) for channels that show no card; the calendar link with it.
    const confirmation: Message =
      outcome.status === 'CONFIRMED'
        ? { text, blocks: [notice, this.calendarButton(outcome.workshop, tr('workshops.calendar'))] }
        : message(text);
    return {
      messages: [confirmation],
      update: { text, blocks: [notice, item, back] },
      updateItem: { key: mine.id, blocks: [item, notice] },
    };
  }

  private async cancelNow(actor: Actor, state: ListState): Promise<Reply> {
    const tr = translator(actor.locale);
    const now = this.ctx.clock.now();
    const outcome = await this.ctx.workshops.cancel({
      workshopId: state.w ?? '',
      personId: actor.person.id,
      now,
      onPromoted: promotionDrafts(now),
    });
    const text = tr('workshops.cancelled', { title: outcome.workshop.title });
    const update = await this.list(actor, { q: state.q, o: state.o }, text);
    return { messages: [message(text)], update };
  }

  /** Text of an outbox message about a workshop, composed at delivery time from current data. */
  async compose(kind: string, payload: WorkshopPayload, actor: Actor): Promise<Message | null> {
    const w = await this.ctx.workshops.get(payload.workshopId);
    if (!w) return null;
    const tr = translator(actor.locale);
    const when = formatSlot(w.startsAt, w.endsAt, actor.locale, this.ctx.settings.timezone);
    const where = w.onlineUrl ?? w.location ?? '–';
    if (kind === 'workshop.cancelled') return message(tr('workshops.workshop_cancelled', { title: w.title, when }));
    if (w.cancelled) return null;
    const status = await this.ctx.workshops.signupStatus(w.id, actor.person.id);
    if (kind === 'workshop.changed' && (status === 'CONFIRMED' || status === 'WAITLISTED')) {
      const text = tr('workshops.changed', { title: w.title, when, where });
      return { text, blocks: [{ type: 'text', text }, ...(status === 'CONFIRMED' ? [this.calendarButton(w, tr('workshops.calendar'))] : [])] };
    }
    // A reminder or promotion is void once the person no longer holds the seat.
    if (status !== 'CONFIRMED') return null;
    if (kind === 'workshop.promoted') {
      const text = tr('workshops.promoted', { title: w.title, when });
      return { text, blocks: [{ type: 'text', text }, this.calendarButton(w, tr('workshops.calendar'))] };
    }
    if (kind === 'workshop.reminder') {
      const text = tr(payload.when === 'hour' ? 'workshops.reminder_soon' : 'workshops.reminder', { title: w.title, when, where });
      return { text, blocks: [{ type: 'text', text }, this.calendarButton(w, tr('workshops.calendar'))] };
    }
    return null;
  }

  private calendarButton(w: Workshop, label: string): Block {
    return {
      type: 'actions',
      buttons: [{ action: 'link.calendar', value: w.id, label, url: `${this.ctx.settings.publicUrl}/calendar/${w.icsToken}.ics` }],
    };
  }
}
