import type { ActionInput } from '../feature.js';
import type { BroadcastsDeps } from './deps.js';
import { DomainError } from '../errors.js';
import { formatDateTime } from '../format.js';
import { translator } from './texts.js';
import { message, type Locale, type Message, type Reply } from '../messages.js';
import { hasRole, type Actor } from '../people/person.js';
import type { Broadcast, BroadcastStatus } from './broadcast.js';
import type { AuditNote } from './broadcast-repository.js';
import { broadcastCard, overviewMessage, previewMessages, type Viewer } from './cards.js';
import { broadcastValues, composeForm, parseComposeForm, workshopCodeIn, type FormValues } from './compose-form.js';
import { approvalDrafts, cardContext, decisionDrafts, type BroadcastOutbox } from './broadcast-outbox.js';

export type SavedDraft =
  | { kind: 'saved'; broadcast: Broadcast }
  | { kind: 'problems'; problems: string[] }
  /** The draft was sent or approved meanwhile: it cannot change any more. */
  | { kind: 'not_now'; broadcast: Broadcast };

const audited = (b: Broadcast) => ({ title: b.title, audience: b.audience, scheduledAt: b.scheduledAt?.toISOString() ?? null });

/**
 * HR's side of broadcasts ("omroep"): compose in a form, see the preview and the exact recipient count, then
 * send now, schedule, or (with BROADCAST_APPROVAL) ask a second HR person. Every step checks the role and the
 * status again on the server: buttons can be pressed twice, by two people, or replayed.
 */
export class BroadcastService {
  constructor(
    private readonly ctx: BroadcastsDeps,
    private readonly outbox: BroadcastOutbox,
  ) {}

  private guard(actor: Actor) {
    if (!hasRole(actor.person, 'HR')) throw new DomainError('forbidden');
  }

  private get approvalRequired() {
    return this.ctx.settings.broadcastApproval === true;
  }

  private viewer(actor: Actor): Viewer {
    return { personId: actor.person.id, approvalRequired: this.approvalRequired };
  }

  private async formContext(locale: Locale) {
    const now = this.ctx.clock.now();
    const [organizations, groups, teamLeaders, departments, workshops] = await Promise.all([
      this.ctx.broadcasts.organizations(),
      this.ctx.broadcasts.groups(),
      this.ctx.broadcasts.teamLeaders(),
      this.ctx.broadcasts.departments(),
      this.ctx.broadcasts.upcomingWorkshops(now, 5),
    ]);
    return { organizations, groups, teamLeaders, departments, workshops, timezone: this.ctx.settings.timezone, now, locale };
  }

  private async load(id: string): Promise<Broadcast> {
    const b = /^[0-9a-f-]{36}$/i.test(id) ? await this.ctx.broadcasts.get(id) : null;
    if (!b) throw new DomainError('not_found');
    return b;
  }

  private async card(actor: Actor, b: Broadcast, notice?: string): Promise<Message> {
    return broadcastCard(b, await cardContext(this.ctx, b, actor.locale), this.viewer(actor), notice);
  }

  private notNow(actor: Actor, b: Broadcast): Reply {
    const tr = translator(actor.locale);
    return { messages: [message(tr('broadcast.not_now', { status: tr(`broadcast.status.${b.status}`) }))] };
  }

  private note(actor: Actor, action: string, b: Broadcast, extra: Record<string, unknown> = {}): AuditNote {
    return { actorId: actor.person.id, action, details: { ...audited(b), ...extra } };
  }

  async start(actor: Actor): Promise<Reply> {
    const tr = translator(actor.locale);
    if (!hasRole(actor.person, 'HR')) return { messages: [message(tr('broadcast.forbidden'))] };
    const form = composeForm(tr, await this.formContext(actor.locale));
    const recent = await this.ctx.broadcasts.recent(5);
    return { messages: [overviewMessage(recent, tr, { type: 'form', form })] };
  }

  /** A submitted form: problems come back with the form still filled in; otherwise a stored draft and its preview. */
  async submit(actor: Actor, input: ActionInput): Promise<Reply> {
    const tr = translator(actor.locale);
    const values: FormValues = input.form ?? {};
    const draftId = input.value || undefined;
    const saved = await this.saveDraft(actor, values, draftId);
    if (saved.kind === 'problems') {
      const text = [tr('broadcast.invalid.intro'), ...saved.problems.map((p) => `• ${p}`)].join('\n');
      const form = composeForm(tr, await this.formContext(actor.locale), values, draftId);
      return { messages: [{ text, blocks: [{ type: 'text', text }, { type: 'form', form }] }] };
    }
    if (saved.kind === 'not_now') return this.notNow(actor, saved.broadcast);
    const b = saved.broadcast;
    const cctx = await cardContext(this.ctx, b, actor.locale);
    return { messages: [...previewMessages(b, cctx, this.ctx.settings.publicUrl), broadcastCard(b, cctx, this.viewer(actor))] };
  }

  /**
   * Checks the compose form (every problem at once, the workshop code included) and stores the draft: new, or
   * the one being edited. Chat and the web console both come in here.
   */
  async saveDraft(actor: Actor, values: FormValues, draftId?: string): Promise<SavedDraft> {
    this.guard(actor);
    const tr = translator(actor.locale);
    const fctx = await this.formContext(actor.locale);
    const existing = draftId ? await this.load(draftId) : null;
    const secret = existing?.button?.kind === 'link' ? existing.button.secret : undefined;
    const parsed = parseComposeForm(values, tr, fctx, secret);
    const problems = [...(parsed.ok ? [] : parsed.problems), ...(await this.checkWorkshop(workshopCodeIn(values), actor, fctx.workshops))];
    if (!parsed.ok || problems.length) return { kind: 'problems', problems };
    if (existing) {
      const b = await this.ctx.broadcasts.update(existing.id, parsed.value, this.note(actor, 'broadcast.edit', existing));
      return b ? { kind: 'saved', broadcast: b } : { kind: 'not_now', broadcast: existing };
    }
    const b = await this.ctx.broadcasts.create(parsed.value, actor.person.id, { actorId: actor.person.id, action: 'broadcast.compose' });
    return { kind: 'saved', broadcast: b };
  }

  /** What the compose form offers: organisations, groups, team leaders, departments, upcoming workshop codes. */
  async choices(actor: Actor) {
    this.guard(actor);
    return this.formContext(actor.locale);
  }

  /** Whether a second HR person must approve (BROADCAST_APPROVAL), and what this HR person may do. */
  viewerOf(actor: Actor): Viewer {
    return this.viewer(actor);
  }

  /** An audience that matches nobody today: the buttons are not shown then, and a forged click is refused. */
  private async nobody(b: Broadcast): Promise<boolean> {
    return (await this.ctx.broadcasts.countAudience(b.audience)).recipients === 0;
  }

  private async checkWorkshop(code: string | null, actor: Actor, upcoming: { key: string; title: string }[]): Promise<string[]> {
    if (!code || (await this.ctx.workshops.getByKey(code))) return [];
    const tr = translator(actor.locale);
    const known = upcoming.map((w) => `${w.key} (${w.title})`).join(', ');
    return [tr('broadcast.invalid.workshop', { key: code }) + (known ? ` ${tr('broadcast.invalid.workshop_known', { codes: known })}` : '')];
  }

  async view(actor: Actor, id: string): Promise<Reply> {
    this.guard(actor);
    return { messages: [await this.card(actor, await this.load(id))] };
  }

  async edit(actor: Actor, id: string): Promise<Reply> {
    this.guard(actor);
    const b = await this.load(id);
    if (b.status !== 'DRAFT' && b.status !== 'PENDING_APPROVAL') return this.notNow(actor, b);
    const fctx = await this.formContext(actor.locale);
    const form = composeForm(translator(actor.locale), fctx, broadcastValues(b, fctx), b.id);
    return { messages: [{ text: form.title, blocks: [{ type: 'form', form }] }] };
  }

  async discard(actor: Actor, id: string): Promise<Reply> {
    this.guard(actor);
    const b = await this.load(id);
    if (!(await this.ctx.broadcasts.deleteDraft(b.id))) return this.notNow(actor, b);
    const done = message(translator(actor.locale)('broadcast.discarded'));
    return { messages: [done], update: done };
  }

  /** Send now, or at the chosen moment; refused while a second HR person still has to approve. */
  async send(actor: Actor, id: string): Promise<Reply> {
    this.guard(actor);
    const b = await this.load(id);
    if (b.status !== 'DRAFT') return this.notNow(actor, b);
    if (this.approvalRequired) return { messages: [message(translator(actor.locale)('broadcast.needs_approval'))] };
    if (await this.nobody(b)) return { messages: [message(translator(actor.locale)('broadcast.no_recipients'))] };
    return this.go(actor, b, ['DRAFT'], null);
  }

  /** Starts (or schedules) a broadcast from one of the statuses in `from`, as the sender or the approver. */
  private async go(actor: Actor, b: Broadcast, from: BroadcastStatus[], approvedById: string | null, notice?: string): Promise<Reply> {
    const tr = translator(actor.locale);
    const now = this.ctx.clock.now();
    const approval = approvedById ? [this.note(actor, 'broadcast.approve', b)] : [];
    let text: string;
    let result: Broadcast | null;
    if (b.scheduledAt && b.scheduledAt > now) {
      const count = await this.ctx.broadcasts.countAudience(b.audience);
      result = await this.ctx.broadcasts.changeStatus(b.id, {
        from,
        to: 'SCHEDULED',
        ...(approvedById ? { approvedById } : {}),
        audit: [...approval, this.note(actor, 'broadcast.schedule', b, { recipients: count.recipients })],
        drafts: (x) => (approvedById ? decisionDrafts(x, true, actor.person.id, now) : []),
      });
      text = tr('broadcast.scheduled', { title: b.title, when: formatDateTime(b.scheduledAt, actor.locale, this.ctx.settings.timezone), count: count.recipients });
    } else {
      const started = await this.outbox.begin(b.id, from, [...approval, this.note(actor, 'broadcast.send', b)], approvedById, now);
      result = started?.broadcast ?? null;
      text = tr('broadcast.sending_started', { title: b.title, count: started?.recipients ?? 0 });
    }
    if (!result) return this.notNow(actor, (await this.ctx.broadcasts.get(b.id)) ?? b);
    const shown = notice ? `${notice}\n${text}` : text;
    return { messages: [message(shown)], update: await this.card(actor, result, shown) };
  }

  async askApproval(actor: Actor, id: string): Promise<Reply> {
    this.guard(actor);
    const tr = translator(actor.locale);
    const b = await this.load(id);
    if (b.status !== 'DRAFT') return this.notNow(actor, b);
    if (await this.nobody(b)) return { messages: [message(tr('broadcast.no_recipients'))] };
    const approvers = await this.ctx.broadcasts.approvers(actor.person.id);
    if (approvers.length === 0) return { messages: [message(tr('broadcast.approval_nobody'))] };
    const now = this.ctx.clock.now();
    const moved = await this.ctx.broadcasts.changeStatus(b.id, {
      from: ['DRAFT'],
      to: 'PENDING_APPROVAL',
      audit: [this.note(actor, 'broadcast.ask_approval', b, { approvers: approvers.length })],
      drafts: (x) => approvalDrafts(x, approvers, now),
    });
    if (!moved) return this.notNow(actor, b);
    const text = tr('broadcast.approval_requested', { title: b.title });
    return { messages: [message(text)], update: await this.card(actor, moved, text) };
  }

  /** The four-eyes step: another HR person than the author approves, and the broadcast goes (or is scheduled). */
  async approve(actor: Actor, id: string): Promise<Reply> {
    this.guard(actor);
    const tr = translator(actor.locale);
    const b = await this.load(id);
    if (b.createdById === actor.person.id) return { messages: [message(tr('broadcast.own_approval'))] };
    if (b.status !== 'PENDING_APPROVAL') return this.notNow(actor, b);
    if (await this.nobody(b)) return { messages: [message(tr('broadcast.no_recipients'))] };
    return this.go(actor, b, ['PENDING_APPROVAL'], actor.person.id, tr('broadcast.approved', { title: b.title }));
  }

  async reject(actor: Actor, id: string): Promise<Reply> {
    this.guard(actor);
    const tr = translator(actor.locale);
    const b = await this.load(id);
    if (b.createdById === actor.person.id) return { messages: [message(tr('broadcast.own_approval'))] };
    const now = this.ctx.clock.now();
    const moved = await this.ctx.broadcasts.changeStatus(b.id, {
      from: ['PENDING_APPROVAL'],
      to: 'DRAFT',
      audit: [this.note(actor, 'broadcast.reject', b)],
      drafts: (x) => decisionDrafts(x, false, actor.person.id, now),
    });
    if (!moved) return this.notNow(actor, b);
    const text = tr('broadcast.rejected', { title: b.title });
    return { messages: [message(text)], update: await this.card(actor, moved, text) };
  }

  async recall(actor: Actor, id: string): Promise<Reply> {
    this.guard(actor);
    const tr = translator(actor.locale);
    const b = await this.load(id);
    const done = await this.outbox.recall(b.id, this.note(actor, 'broadcast.recall', b));
    if (!done) return this.notNow(actor, b);
    const text = tr('broadcast.recalled', { title: b.title, cancelled: done.cancelled, retracted: done.retracted });
    return { messages: [message(text)], update: await this.card(actor, done.broadcast, text) };
  }
}
