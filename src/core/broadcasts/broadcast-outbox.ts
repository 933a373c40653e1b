import type { BroadcastsDeps } from './deps.js';
import { DomainError } from '../errors.js';
import { translator } from './texts.js';
import { message, type Locale, type Message, type Reply } from '../messages.js';
import type { OutboxDraft } from '../outbox.js';
import type { Actor } from '../people/person.js';
import type { WorkshopsService } from '../workshops/workshops-service.js';
import type { Broadcast, BroadcastStatus } from './broadcast.js';
import type { AuditNote } from './broadcast-repository.js';
import { approvalMessage } from './cards.js';
import { progressMessage, recipientMessage, retractedMessage, summaryMessage, validLinkSignature, type CardContext } from './render.js';
import { broadcastKinds } from './outbox-kinds.js';

/** How often the author's progress message is updated while sending. */
export const PROGRESS_EVERY_MS = 5000;
/** How long after a recall messages that were in flight are still looked for (longer than any lease). */
const RECALL_FOLLOW_UP_MS = 10 * 60_000;
/** Rows for HR themselves (progress, approval requests) go before the queue of a big broadcast. */
const FRONT = new Date(0);
const CACHE_MS = 2000;

const isId = (s: string) => /^[0-9a-f-]{36}$/i.test(s);

const forAuthor = (b: Broadcast, key: string, kind: string, payload: Record<string, unknown> = {}): OutboxDraft[] =>
  b.createdById
    ? [{ idempotencyKey: `broadcast:${b.id}:${key}`, kind, personId: b.createdById, payload: { broadcastId: b.id, ...payload }, notBefore: FRONT }]
    : [];

/** The author's progress message: posted once, then updated in place (`step` names the update). */
export const progressDrafts = (b: Broadcast, step?: string, ref?: unknown) =>
  step === undefined
    ? forAuthor(b, 'progress', broadcastKinds.progress.name)
    : forAuthor(b, `progress:${step}`, broadcastKinds.progress.name, { edit: { ref, mode: 'update', fallback: 'drop' } });

export const approvalDrafts = (b: Broadcast, approvers: string[], _now: Date): OutboxDraft[] =>
  approvers.map((personId) => ({
    // A draft changed and submitted again asks again: the key carries the version.
    idempotencyKey: `broadcast:${b.id}:approval:${personId}:${b.updatedAt.getTime()}`,
    kind: broadcastKinds.approval.name,
    personId,
    payload: { broadcastId: b.id },
    notBefore: FRONT,
  }));

export const decisionDrafts = (b: Broadcast, approved: boolean, by: string, now: Date) =>
  forAuthor(b, `decision:${now.getTime()}`, broadcastKinds.decision.name, { approved, by });

/** What HR sees about a broadcast's audience, for cards and approval requests. */
export async function cardContext(ctx: BroadcastsDeps, b: Broadcast, locale: Locale): Promise<CardContext> {
  // Once sending started, the count that matters is the rows written, not who matches today.
  const started = b.status === 'SENDING' || b.status === 'SENT' || (b.status === 'RECALLED' && b.startedAt !== null);
  const [count, orgs, approver] = await Promise.all([
    started ? { recipients: b.recipientCount, unreachable: 0, skipped: 0 } : ctx.broadcasts.countAudience(b.audience),
    ctx.broadcasts.organizations(),
    b.approvedById ? ctx.people.findById(b.approvedById) : null,
  ]);
  return {
    locale,
    timezone: ctx.settings.timezone,
    count,
    organizationName: (id) => orgs.find((o) => o.id === id)?.name ?? id,
    approverName: approver?.name ?? null,
  };
}

/**
 * The broadcast's life in the outbox: starting (rows for everyone in one transaction), the texts composed at
 * delivery time, the author's live progress, the end, the recall, and the clicks on its button.
 */
export class BroadcastOutbox {
  private readonly cache = new Map<string, { b: Broadcast | null; at: number }>();
  private readonly shown = new Map<string, string>();

  constructor(
    private readonly ctx: BroadcastsDeps,
    private readonly workshops: WorkshopsService,
  ) {}

  begin(id: string, from: BroadcastStatus[], audit: AuditNote[], approvedById: string | null, now: Date) {
    return this.ctx.broadcasts.startSending(id, {
      from,
      approvedById,
      audit,
      drafts: (b) => [...progressDrafts(b), ...(approvedById ? decisionDrafts(b, true, approvedById, now) : [])],
      ...(this.ctx.settings.deliveryPace ? { pace: this.ctx.settings.deliveryPace } : {}),
    });
  }

  async recall(id: string, audit: AuditNote) {
    const done = await this.ctx.broadcasts.recall(id, audit);
    if (!done) return null;
    this.cache.delete(id);
    const ref = await this.ctx.broadcasts.progressRef(id);
    if (ref) await this.ctx.outbox.enqueue(progressDrafts(done.broadcast, 'recalled', ref));
    return done;
  }

  /** A broadcast as of at most two seconds ago: 100,000 messages do not need 100,000 reads of the same row. */
  private async cached(id: string): Promise<Broadcast | null> {
    const hit = this.cache.get(id);
    if (hit && performance.now() - hit.at < CACHE_MS) return hit.b;
    if (this.cache.size > 100) this.cache.clear();
    const b = await this.ctx.broadcasts.get(id);
    this.cache.set(id, { b, at: performance.now() });
    return b;
  }

  async compose(kind: string, payload: Record<string, unknown>, actor: Actor): Promise<Message | null> {
    const id = String(payload.broadcastId ?? '');
    if (!isId(id)) return null;
    if (kind === 'broadcast.message') {
      const b = await this.cached(id);
      // Recalled: what has not gone yet does not go (what was in flight is retracted afterwards).
      if (!b || b.status === 'RECALLED') return null;
      return recipientMessage(b, actor.locale, actor.person.id, this.ctx.settings.publicUrl);
    }
    const b = await this.ctx.broadcasts.get(id);
    if (!b) return null;
    switch (kind) {
      case 'broadcast.recall':
        return retractedMessage(b, actor.locale);
      case 'broadcast.progress':
        return progressMessage(b, await this.ctx.broadcasts.progress(id), actor.locale);
      case 'broadcast.summary':
        return summaryMessage(b, await this.ctx.broadcasts.progress(id), actor.locale);
      case 'broadcast.approval': {
        if (b.status !== 'PENDING_APPROVAL') return null;
        const author = b.createdById ? await this.ctx.people.findById(b.createdById) : null;
        return approvalMessage(b, await cardContext(this.ctx, b, actor.locale), author?.name ?? '?', this.ctx.settings.publicUrl);
      }
      case 'broadcast.decision': {
        const by = await this.ctx.people.findById(String(payload.by ?? ''));
        const key = payload.approved ? 'broadcast.approved_author' : 'broadcast.rejected_author';
        return message(translator(actor.locale)(key, { name: by?.name ?? '?', title: b.title }));
      }
      default:
        return null;
    }
  }

  /**
   * Runs every few seconds on every replica (idempotency keys make the replicas agree): starts scheduled
   * broadcasts that are due, updates authors' progress messages, finishes broadcasts with nothing left to
   * send, and retracts messages that arrived after their recall.
   */
  async tick(now: Date) {
    const repo = this.ctx.broadcasts;
    for (const id of await repo.dueScheduled(now)) {
      await this.begin(id, ['SCHEDULED'], [{ actorId: null, action: 'broadcast.send', details: { scheduled: true } }], null, now);
    }
    for (const b of await repo.withStatus('SENDING')) {
      const ref = await repo.progressRef(b.id);
      const finished = await repo.finish(
        b.id,
        (x) => [...(ref ? progressDrafts(x, 'final', ref) : []), ...forAuthor(x, 'summary', broadcastKinds.summary.name)],
        new Date(now.getTime() - broadcastKinds.message.expiresAfter),
      );
      if (finished) {
        this.shown.delete(b.id);
        continue;
      }
      if (!ref) continue;
      const p = await repo.progress(b.id);
      const figures = `${p.sent}/${p.failed}/${p.waiting}/${p.cancelled}/${p.clicks}`;
      if (this.shown.get(b.id) === figures) continue;
      this.shown.set(b.id, figures);
      await this.ctx.outbox.enqueue(progressDrafts(b, String(Math.floor(now.getTime() / PROGRESS_EVERY_MS)), ref));
    }
    for (const id of await repo.recalledWithin(RECALL_FOLLOW_UP_MS)) await repo.retractLate(id);
  }

  /** "Aanmelden" in a broadcast: the click counts, and the person is signed up as from the workshop list. */
  async signupClick(actor: Actor, value: string): Promise<Reply> {
    const at = value.indexOf(':');
    const id = value.slice(0, Math.max(0, at));
    const key = value.slice(at + 1);
    const w = key ? await this.ctx.workshops.getByKey(key) : null;
    if (!w) throw new DomainError('not_found');
    const r = await this.workshops.signUp(actor, { w: w.id, q: '', o: 0 });
    // Counted after the sign-up went through: a refused click (a workshop not open to the clicker) writes nothing.
    if (isId(id) && (await this.ctx.broadcasts.get(id))) await this.ctx.broadcasts.recordClick(id, actor.person.id, this.ctx.clock.now());
    return { messages: r.messages };
  }

  /** A recipient followed the broadcast's link: count it (when the signature is theirs) and say where to go. */
  async linkClick(id: string, personId: string, signature: string): Promise<string | null> {
    if (!isId(id)) return null;
    const b = await this.ctx.broadcasts.get(id);
    if (b?.button?.kind !== 'link' || !validLinkSignature(b.button.secret, id, personId, signature)) return null;
    // The author's preview carries a link too; it opens, but it is not a recipient's click.
    if (isId(personId)) {
      // The link must open even when the click cannot be stored (the person was removed meanwhile).
      await this.ctx.broadcasts.recordClick(id, personId, this.ctx.clock.now()).catch((err: unknown) => {
        this.ctx.logger.warn('broadcast click not recorded', { broadcastId: id, err });
      });
    }
    return b.button.url;
  }
}
