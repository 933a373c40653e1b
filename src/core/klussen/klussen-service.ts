import type { CoreContext } from '../context.js';
import { DomainError } from '../errors.js';
import { formatDate, truncate } from '../format.js';
import { translator, type Translate } from '../i18n/index.js';
import { message, type Block, type Locale, type Message, type Reply } from '../messages.js';
import type { Actor } from '../people/person.js';
import type { KlusForPerson } from './klus.js';
import { rankKlussen } from './match.js';

const MAX_SHOWN = 10;

export class KlussenService {
  constructor(private readonly ctx: CoreContext) {}

  async list(actor: Actor, q: string, notice?: string): Promise<Message> {
    const tr = translator(actor.locale);
    const now = this.ctx.clock.now();
    const [open, confirmed] = await Promise.all([
      this.ctx.klussen.listOpenFor(actor.person.id, actor.person.organizationId, now),
      this.ctx.klussen.confirmedSkills(actor.person.id),
    ]);
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    const filtered = open.filter((k) => {
      const hay = `${k.title} ${k.description} ${k.skills.join(' ')}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    });
    const ranked = rankKlussen(filtered, actor.person.skills, confirmed).slice(0, MAX_SHOWN);
    const blocks: Block[] = [{ type: 'header', text: tr('klussen.title') }];
    if (notice) blocks.push({ type: 'text', text: notice });
    if (ranked.length === 0) blocks.push({ type: 'text', text: tr('klussen.none') });
    for (const { klus, match } of ranked) blocks.push(this.item(klus, match.matched, tr, actor.locale));
    return { text: notice ?? tr('klussen.title'), blocks };
  }

  item(k: KlusForPerson, matched: string[], tr: Translate, locale: Locale): Block {
    const fields = [];
    if (k.skills.length) fields.push({ label: tr('klussen.skills'), value: k.skills.join(', ') });
    if (k.hoursPerWeek) fields.push({ label: '⏱', value: tr('klussen.hours', { hours: k.hoursPerWeek }) });
    if (k.startsOn && k.endsOn)
      fields.push({
        label: tr('klussen.period'),
        value: `${formatDate(k.startsOn, locale, 'UTC')} – ${formatDate(k.endsOn, locale, 'UTC')}`,
      });
    const text = [truncate(k.description, 200), matched.length ? tr('klussen.match', { skills: matched.join(', ') }) : '']
      .filter(Boolean)
      .join('\n');
    const interested = k.myInterest === 'INTERESTED' || k.myInterest === 'ACCEPTED';
    return {
      type: 'item',
      title: k.title,
      text,
      fields,
      buttons: interested
        ? [{ action: 'klus.withdraw', value: k.id, label: tr('klussen.button_withdraw') }]
        : [{ action: 'klus.interest', value: k.id, label: tr('klussen.button_interest'), style: 'primary' }],
    };
  }

  async interest(actor: Actor, klusId: string): Promise<Reply> {
    const tr = translator(actor.locale);
    const klus = await this.ctx.klussen.get(klusId);
    if (!klus) throw new DomainError('not_found');
    if (klus.status !== 'OPEN') throw new DomainError('klus_closed');
    if (!klus.openToRegion && klus.organizationId !== actor.person.organizationId) throw new DomainError('forbidden');
    const before = await this.ctx.klussen.setInterest(klusId, actor.person.id, 'INTERESTED');
    const text = tr(before === 'INTERESTED' ? 'klussen.already_interested' : 'klussen.interested', { title: klus.title });
    return { messages: [message(text)], update: await this.list(actor, '', text) };
  }

  async withdraw(actor: Actor, klusId: string): Promise<Reply> {
    const tr = translator(actor.locale);
    const klus = await this.ctx.klussen.get(klusId);
    if (!klus) throw new DomainError('not_found');
    await this.ctx.klussen.setInterest(klusId, actor.person.id, 'WITHDRAWN');
    const text = tr('klussen.withdrawn', { title: klus.title });
    return { messages: [message(text)], update: await this.list(actor, '', text) };
  }

}
