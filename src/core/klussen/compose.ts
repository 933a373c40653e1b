import type { KlussenDeps } from './deps.js';
import { translator, type Translate } from './texts.js';
import { message, type Block, type Message } from '../messages.js';
import type { Actor } from '../people/person.js';
import type { InterestDetails } from './klus.js';
import { matchSkills } from './match.js';
import { releaseButtons } from './my-klussen.js';
import { myKlussenButton } from './posting.js';
import { candidatesButton, confirmButton, interestButton, klusItem } from './render.js';

const text = (t: string, ...blocks: Block[]): Message => ({ text: t, blocks: [{ type: 'text', text: t }, ...blocks] });
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * The text of the Klussenbank's outbox messages, composed at delivery time in the recipient's language from the
 * rows as they are then. Null means the message no longer applies (the hand was withdrawn, the klus closed,
 * someone else answered) and the outbox drops it.
 */
export class KlusComposer {
  constructor(private readonly ctx: KlussenDeps) {}

  async compose(kind: string, payload: Record<string, unknown>, actor: Actor): Promise<Message | null> {
    const tr = translator(actor.locale);
    switch (kind) {
      case 'klus.match':
        return this.match(str(payload.klusId), actor, tr);
      case 'klus.announce':
        return this.announce(str(payload.klusId), actor, tr);
      case 'klus.expired':
        return this.expired(str(payload.klusId), actor, tr);
      case 'klus.skills-confirmed': {
        const klus = await this.ctx.klussen.get(str(payload.klusId));
        const skills = Array.isArray(payload.skills) ? payload.skills.map(String) : [];
        return klus && skills.length ? message(tr('klus.msg.skills_confirmed', { title: klus.title, skills: skills.join(', ') })) : null;
      }
    }
    const d = await this.ctx.klussen.getInterest(str(payload.interestId));
    // A candidate who erased their data is named to nobody, not even as "–" (erasure withdraws these rows too).
    if (!d || d.personId === null) return null;
    const params = { name: d.candidateName, title: d.klus.title };
    const toOwner = d.klus.ownerId === actor.person.id;
    switch (kind) {
      case 'klus.candidate': {
        if (d.status !== 'INTERESTED' || !toOwner) return null;
        const lines = [tr('klus.msg.candidate', params), d.releaseStatus === 'PENDING' ? tr('klus.msg.candidate_release', params) : ''];
        return text(lines.filter(Boolean).join(' '), { type: 'actions', buttons: [candidatesButton(d.klusId, tr)] });
      }
      case 'klus.release-request':
        return this.releaseRequest(d, actor, tr);
      case 'klus.release-decision': {
        const approved = payload.approved === true;
        if (d.status === 'WITHDRAWN' || d.releaseStatus !== (approved ? 'APPROVED' : 'DECLINED')) return null;
        if (payload.to === 'owner') {
          if (!toOwner) return null;
          return approved
            ? text(tr('klus.msg.owner_released_yes', params), { type: 'actions', buttons: [candidatesButton(d.klusId, tr)] })
            : message(tr('klus.msg.owner_released_no', params));
        }
        return d.personId === actor.person.id ? message(tr(approved ? 'klus.msg.released_yes' : 'klus.msg.released_no', params)) : null;
      }
      case 'klus.decision':
        return this.decision(d, str(payload.decision), actor, tr);
      case 'klus.withdrawn':
        return d.status === 'WITHDRAWN' && toOwner ? text(tr('klus.msg.withdrawn', params), { type: 'actions', buttons: [candidatesButton(d.klusId, tr)] }) : null;
    }
    return null;
  }

  private async match(klusId: string, actor: Actor, tr: Translate): Promise<Message | null> {
    if (!(await this.ctx.klussen.matchStillWanted(klusId, actor.person.id, this.ctx.clock.now()))) return null;
    const klus = await this.ctx.klussen.get(klusId);
    if (!klus) return null;
    const confirmed = await this.ctx.klussen.confirmedSkills(actor.person.id);
    const { matched } = matchSkills(klus.skills, actor.person.skills, confirmed);
    const item = klusItem(klus, tr, actor.locale, this.ctx.settings.timezone, {
      lines: matched.length ? [tr('klussen.match', { skills: matched.join(', ') })] : [],
      buttons: [interestButton(klus.id, tr)],
    });
    return {
      text: tr('klus.msg.match_title'),
      blocks: [{ type: 'header', text: tr('klus.msg.match_title') }, { type: 'text', text: tr('klus.msg.match_text') }, item],
    };
  }

  private async announce(klusId: string, actor: Actor, tr: Translate): Promise<Message | null> {
    const klus = await this.ctx.klussen.get(klusId);
    if (!klus || klus.status !== 'OPEN') return null;
    const t = tr('klus.msg.announce', { title: klus.title });
    return text(t, klusItem(klus, tr, actor.locale, this.ctx.settings.timezone, { buttons: [interestButton(klus.id, tr)] }));
  }

  private async expired(klusId: string, actor: Actor, tr: Translate): Promise<Message | null> {
    const klus = await this.ctx.klussen.get(klusId);
    if (!klus || klus.status !== 'EXPIRED' || klus.ownerId !== actor.person.id) return null;
    const count = (await this.ctx.klussen.candidates(klus.id)).filter((c) => c.status === 'INTERESTED' || c.status === 'ACCEPTED').length;
    const close = confirmButton(
      'klus.close',
      klus.id,
      tr('klus.candidates.close'),
      { title: tr('klus.candidates.close_title'), text: tr('klus.candidates.close_text') },
      tr,
    );
    return text(tr('klus.msg.expired', { title: klus.title, count }), { type: 'actions', buttons: [candidatesButton(klus.id, tr), close] });
  }

  private releaseRequest(d: InterestDetails, actor: Actor, tr: Translate): Message | null {
    const waiting = (d.status === 'INTERESTED' || d.status === 'ACCEPTED') && d.releaseStatus === 'PENDING';
    if (!waiting || d.releaserId !== actor.person.id) return null;
    const params = { name: d.candidateName, title: d.klus.title };
    const lines = d.motivation ? [tr('klus.msg.release_motivation', { name: d.candidateName, motivation: d.motivation })] : [];
    return {
      text: tr('klus.msg.release_title'),
      blocks: [
        { type: 'header', text: tr('klus.msg.release_title') },
        { type: 'text', text: tr('klus.msg.release_text', params) },
        klusItem(d.klus, tr, actor.locale, this.ctx.settings.timezone, { lines, buttons: releaseButtons(d.id, tr) }),
      ],
    };
  }

  private decision(d: InterestDetails, decision: string, actor: Actor, tr: Translate): Message | null {
    if (d.personId !== actor.person.id) return null;
    const params = { title: d.klus.title, owner: d.ownerName ?? tr('klus.msg.owner_fallback') };
    if (decision === 'ACCEPTED') return d.status === 'ACCEPTED' ? text(tr('klus.msg.accepted', params), { type: 'actions', buttons: [myKlussenButton(tr)] }) : null;
    if (d.status !== 'DECLINED') return null;
    const key = decision === 'FILLED' ? 'klus.msg.filled' : decision === 'CLOSED' ? 'klus.msg.closed' : 'klus.msg.declined';
    return text(tr(key, params), { type: 'actions', buttons: [{ action: 'nav.klussen', value: '', label: tr('klussen.title') }] });
  }
}
