import type { KlussenDeps } from './deps.js';
import { translator, type Translate } from './texts.js';
import type { Block, Button, Locale, Message } from '../messages.js';
import { hasRole, type Actor } from '../people/person.js';
import { KlusChoosing } from './choosing.js';
import { KlusComposer } from './compose.js';
import { expiredDraft } from './drafts.js';
import { KlusJoining } from './joining.js';
import type { KlusForPerson } from './klus.js';
import { rankKlussen } from './match.js';
import { KlusPosting } from './posting.js';
import { KlusRelease } from './release.js';
import { candidatesButton, interestButton, klusItem, withdrawButton } from './render.js';
import { SkillsService } from './skills.js';

const MAX_SHOWN = 10;
/** Klussen per page: four fit about a phone screen and a half (six made a card of about 1,570 px). */
export const KLUS_PAGE = 4;

/** The Klussenbank: the list everyone sees, and the use cases of posting, joining, release and choosing. */
export class KlussenService {
  readonly posting: KlusPosting;
  readonly joining: KlusJoining;
  readonly choosing: KlusChoosing;
  readonly release: KlusRelease;
  readonly skills: SkillsService;
  readonly composer: KlusComposer;

  constructor(private readonly ctx: KlussenDeps) {
    this.posting = new KlusPosting(ctx);
    this.joining = new KlusJoining(ctx, (actor, q, notice) => this.list(actor, q, notice));
    this.choosing = new KlusChoosing(ctx);
    this.release = new KlusRelease(ctx);
    this.skills = new SkillsService(ctx);
    this.composer = new KlusComposer(ctx);
  }

  /** Open klussen the person may join, filtered by words, best skill match first. */
  async list(actor: Actor, q: string, notice?: string, offset = 0): Promise<Message> {
    const tr = translator(actor.locale);
    const now = this.ctx.clock.now();
    const [open, confirmed] = await Promise.all([
      this.ctx.klussen.listOpenFor(actor.person.id, actor.person.organizationId, now),
      this.ctx.klussen.confirmedSkills(actor.person.id),
    ]);
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    const filtered = open.filter((k) => {
      const hay = `${k.title} ${k.description} ${k.skills.join(' ')} ${k.location ?? ''} ${k.organizationName ?? ''}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    });
    const ranked = rankKlussen(filtered, actor.person.skills, confirmed).slice(0, MAX_SHOWN);
    const blocks: Block[] = [{ type: 'header', text: tr('klussen.title') }];
    if (notice) blocks.push({ type: 'text', text: notice });
    if (ranked.length === 0) blocks.push({ type: 'text', text: tr('klussen.none') });
    const o = offset < ranked.length ? offset : 0;
    for (const { klus, match } of ranked.slice(o, o + KLUS_PAGE)) blocks.push(this.item(actor, klus, match.matched, tr, actor.locale));
    if (ranked.length > KLUS_PAGE) {
      const pages = Math.ceil(ranked.length / KLUS_PAGE);
      blocks.push({ type: 'context', text: tr('common.page', { page: Math.floor(o / KLUS_PAGE) + 1, pages }) });
      const nav: Button[] = [];
      if (o > 0) nav.push({ action: 'klussen.page', value: JSON.stringify({ q, o: Math.max(0, o - KLUS_PAGE) }), label: tr('common.previous') });
      if (o + KLUS_PAGE < ranked.length) nav.push({ action: 'klussen.page', value: JSON.stringify({ q, o: o + KLUS_PAGE }), label: tr('common.next') });
      blocks.push({ type: 'actions', buttons: nav });
    }
    return { text: notice ?? tr('klussen.title'), blocks };
  }

  item(actor: Actor, k: KlusForPerson, matched: string[], tr: Translate, locale: Locale): Block {
    const mine = k.ownerId === actor.person.id;
    const lines = [matched.length ? tr('klussen.match', { skills: matched.join(', ') }) : '', mine ? tr('klussen.yours') : ''];
    const interested = k.myInterest === 'INTERESTED' || k.myInterest === 'ACCEPTED';
    const buttons: Button[] = [];
    if (!mine) buttons.push(interested ? withdrawButton(k.id, tr) : interestButton(k.id, tr));
    // Candidates are for the owner and HR only; the button is not even shown to others.
    if (mine || hasRole(actor.person, 'HR')) buttons.push(candidatesButton(k.id, tr));
    const status = interested ? [{ label: tr('klussen.status'), value: tr('klussen.status_interested') }] : [];
    return klusItem(k, tr, locale, this.ctx.settings.timezone, { lines, fields: status, buttons, descriptionMax: 100, compact: true });
  }

  /** The deadline job: open klussen past their deadline close and their owners are told. */
  async expireDue(): Promise<number> {
    const expired = await this.ctx.klussen.expireDue(this.ctx.clock.now(), expiredDraft);
    if (expired.length) this.ctx.logger.info('klussen expired', { count: expired.length });
    return expired.length;
  }
}
