import { DomainError } from '../errors.js';
import { checkPlainLanguage, type PlainLanguageCheck } from '../language/plain-language.js';
import type { Button, Message } from '../messages.js';
import { hasRole, type Actor } from '../people/person.js';
import { translator } from './texts.js';
import type { AudienceCount, Broadcast, BroadcastStatus, Progress } from './broadcast.js';
import { actionsFor, previewMessages } from './cards.js';
import { parseComposeForm, type FormValues } from './compose-form.js';
import { cardContext } from './broadcast-outbox.js';
import type { BroadcastService } from './broadcast-service.js';
import type { BroadcastsDeps } from './deps.js';

/** A broadcast as HR's console page shows it: the facts, the preview, what can be done now, and how it went. */
export interface BroadcastOverview {
  broadcast: Broadcast;
  count: AudienceCount;
  organizationName: (id: string) => string;
  approverName: string | null;
  /** What recipients get, per language version: the neutral message the channels render. */
  preview: Message[];
  /** The actions allowed now, as chat offers them (`broadcast.send`, `broadcast.approve`, …). */
  actions: Button[];
  approvalRequired: boolean;
  progress: Progress | null;
  /** The plain-language check of the Dutch title and text (and of the English, which has no rules). */
  language: { nl: PlainLanguageCheck; en: PlainLanguageCheck | null };
}

export interface ProgressView {
  status: BroadcastStatus;
  progress: Progress;
  /** Whole per cent of messages settled (sent, failed or cancelled); 100 when nothing is left to wait for. */
  percent: number;
  done: boolean;
}

export const percentDone = (p: Progress) => (p.total === 0 ? 100 : Math.floor(((p.sent + p.failed + p.cancelled) / p.total) * 100));

const STARTED: BroadcastStatus[] = ['SENDING', 'SENT', 'RECALLED'];

/** The actions of the console's broadcast pages, each handled by the same use case as the chat button. */
export const DESK_ACTIONS = ['send', 'ask', 'approve', 'reject', 'recall', 'discard'] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

/**
 * The read side of broadcasts for the web console, and its ways to act: everything goes through BroadcastService
 * (the same checks of role, status and four eyes as in chat); this class only gathers what a page shows.
 */
export class BroadcastDesk {
  constructor(
    private readonly ctx: BroadcastsDeps,
    private readonly service: BroadcastService,
  ) {}

  private guard(actor: Actor) {
    if (!hasRole(actor.person, 'HR')) throw new DomainError('forbidden');
  }

  private async load(id: string): Promise<Broadcast> {
    const b = /^[0-9a-f-]{36}$/i.test(id) ? await this.ctx.broadcasts.get(id) : null;
    if (!b) throw new DomainError('not_found');
    return b;
  }

  async recent(actor: Actor, limit = 20): Promise<Broadcast[]> {
    this.guard(actor);
    return this.ctx.broadcasts.recent(limit);
  }

  /**
   * The exact number of recipients of the audience a form describes, counted as sending would write rows; the
   * form's problems instead when it cannot be read (an unknown team leader, a level that does not exist).
   */
  async count(actor: Actor, values: FormValues): Promise<{ ok: true; count: AudienceCount } | { ok: false; problems: string[] }> {
    this.guard(actor);
    const fctx = await this.service.choices(actor);
    // Only the audience matters here: a title and text keep the parse from complaining about them.
    const parsed = parseComposeForm({ ...values, title: 'x', text: 'x', button: '', when: '', image_url: '' }, translator(actor.locale), fctx);
    if (!parsed.ok) return { ok: false, problems: parsed.problems };
    return { ok: true, count: await this.ctx.broadcasts.countAudience(parsed.value.audience) };
  }

  async overview(actor: Actor, id: string): Promise<BroadcastOverview> {
    this.guard(actor);
    const b = await this.load(id);
    const c = await cardContext(this.ctx, b, actor.locale);
    const orgs = await this.ctx.broadcasts.organizations();
    const viewer = this.service.viewerOf(actor);
    const started = STARTED.includes(b.status) && b.startedAt !== null;
    return {
      broadcast: b,
      count: c.count,
      organizationName: (oid) => orgs.find((o) => o.id === oid)?.name ?? oid,
      approverName: c.approverName ?? null,
      preview: previewMessages(b, c, this.ctx.settings.publicUrl),
      actions: actionsFor(b, viewer, translator(actor.locale), c.count.recipients),
      approvalRequired: viewer.approvalRequired,
      progress: started ? await this.ctx.broadcasts.progress(b.id) : null,
      language: {
        nl: checkPlainLanguage(`${b.content.nl.title}.\n${b.content.nl.text}`, 'nl'),
        en: b.content.en ? checkPlainLanguage(`${b.content.en.title}.\n${b.content.en.text}`, 'en') : null,
      },
    };
  }

  /** For the progress bar that polls: small, and the same figures as the author's message in chat. */
  async progress(actor: Actor, id: string): Promise<ProgressView> {
    this.guard(actor);
    const b = await this.load(id);
    const p = await this.ctx.broadcasts.progress(b.id);
    const done = b.status === 'SENT' || b.status === 'RECALLED' || (b.status !== 'SENDING' && p.total === 0);
    return { status: b.status, progress: p, percent: percentDone(p), done };
  }

  /** One of the buttons, pressed on the web page: the use case answers as it does in chat; its words are the notice. */
  async act(actor: Actor, id: string, action: DeskAction): Promise<string> {
    const reply = await this.service[ACTION_METHOD[action]](actor, id);
    return reply.messages[0]?.text ?? '';
  }
}

const ACTION_METHOD = {
  send: 'send',
  ask: 'askApproval',
  approve: 'approve',
  reject: 'reject',
  recall: 'recall',
  discard: 'discard',
} as const satisfies Record<DeskAction, keyof BroadcastService>;
