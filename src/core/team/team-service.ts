import { DomainError } from '../errors.js';
import { formatSlot } from '../format.js';
import type { Block, Button, Message, Reply } from '../messages.js';
import type { Actor } from '../people/person.js';
import { localDate, startOfLocalDay } from '../time.js';
import type { TeamDeps } from './deps.js';
import { teamKinds } from './outbox-kinds.js';
import type { TeamMember } from '../workshops/proxy-signups.js';
import { localTime, toolboxText } from './toolbox-text.js';
import { translator } from './texts.js';

const MEMBERS_PAGE = 4;
const WORKSHOPS_PAGE = 3;
const WEEK = 7 * 86_400_000;
/** How far ahead the toolbox looks for the next workshops when nothing is on this week: a year, one learning week. */
const SOON = 53 * WEEK;

export type Change = 'signup' | 'cancel';
export interface Pick {
  p: string;
  w: string;
  c: Change;
}

const enc = (v: object) => JSON.stringify(v);

/** "YYYY-MM-DD" of the local day of `d`. */
export function dayKey(d: Date, timeZone: string): string {
  const p = localDate(d, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * The team leader's toolbox: this week's offers as a text to read aloud, sign-ups for team members (with a
 * confirm step: the member agreed), the team talk, the weekly message and the day-before list. Every call works
 * on the caller's own team only: the member lookup checks the team leader, so a forged button value reaches nobody.
 */
export class TeamService {
  constructor(private readonly ctx: TeamDeps) {}

  private tr(actor: Actor) {
    return translator(actor.locale);
  }

  private async team(actor: Actor): Promise<TeamMember[]> {
    const members = await this.ctx.team.members(actor.person.id);
    if (members.length === 0) throw new DomainError('forbidden', {}, this.tr(actor)('team.forbidden'));
    return members;
  }

  /** The question for this week's team talk: the library's "Hoe zou jij dit aanpakken?" questions in turn. */
  private async question(now: Date): Promise<{ key: string; nl: string; en: string } | null> {
    const all = await this.ctx.team.teamTalkQuestions();
    if (all.length === 0) return null;
    const monday = startOfLocalDay(now, this.ctx.settings.timezone, 1 - localDate(now, this.ctx.settings.timezone).weekday);
    const week = Math.floor(monday.getTime() / WEEK + 0.5);
    const q = all[week % all.length]!;
    return { ...q, key: `${q.key}@${dayKey(monday, this.ctx.settings.timezone)}` };
  }

  async toolbox(actor: Actor): Promise<Message> {
    const tr = this.tr(actor);
    // Not a team leader (yet): a plain answer, not an error about roles.
    if ((await this.ctx.team.members(actor.person.id)).length === 0) return { text: tr('team.forbidden'), blocks: [{ type: 'text', text: tr('team.forbidden') }] };
    const now = this.ctx.clock.now();
    const [workshops, klussen, q] = await Promise.all([
      this.ctx.team.openWorkshops(actor.person.id, now, new Date(now.getTime() + WEEK), 5),
      this.ctx.team.fittingKlussen(actor.person.id, now, 3),
      this.question(now),
    ]);
    const question = q ? q[actor.locale] : null;
    // Nothing this week (the learning week is further ahead, as in the demo): name the next few instead.
    const soon = workshops.length ? [] : await this.ctx.team.openWorkshops(actor.person.id, new Date(now.getTime() + WEEK), new Date(now.getTime() + SOON), 3);
    const text = toolboxText({ workshops, klussen, question, soon }, actor.locale, this.ctx.settings.timezone);
    const buttons: Button[] = [{ action: 'team.members', value: enc({ o: 0 }), label: tr('team.button_signup_someone'), style: 'primary' }];
    if (q) buttons.push({ action: 'team.talk', value: q.key, label: tr('team.button_talk_done') });
    const blocks: Block[] = [
      { type: 'header', text: tr('team.title') },
      { type: 'context', text: tr('team.read_title') },
      { type: 'text', text },
      { type: 'actions', buttons },
    ];
    return { text: tr('team.title'), blocks };
  }

  async members(actor: Actor, offset: number): Promise<Message> {
    const tr = this.tr(actor);
    const all = await this.team(actor);
    const o = Math.min(Math.max(0, offset), Math.max(0, all.length - 1));
    const page = all.slice(o, o + MEMBERS_PAGE);
    const blocks: Block[] = [{ type: 'header', text: tr('team.members_title') }];
    for (const m of page) {
      blocks.push({
        type: 'item',
        key: m.id,
        title: m.name,
        ...(m.hasAccount ? {} : { text: tr('team.no_account') }),
        buttons: [{ action: 'team.member', value: enc({ p: m.id, o: 0 }), label: tr('team.button_pick') }],
      });
    }
    blocks.push(...this.pager(tr, 'team.members', o, all.length, MEMBERS_PAGE, (n) => ({ o: n })));
    return { text: tr('team.members_title'), blocks };
  }

  private pager(tr: ReturnType<typeof translator>, action: string, o: number, total: number, size: number, value: (o: number) => object): Block[] {
    if (total <= size) return [];
    const nav: Button[] = [];
    if (o > 0) nav.push({ action, value: enc(value(Math.max(0, o - size))), label: tr('common.previous') });
    if (o + size < total) nav.push({ action, value: enc(value(o + size)), label: tr('common.next') });
    return [{ type: 'context', text: tr('common.page', { page: Math.floor(o / size) + 1, pages: Math.ceil(total / size) }) }, { type: 'actions', buttons: nav }];
  }

  /** Upcoming workshops open to the member, with their status and one button each: sign up or cancel. */
  async memberWorkshops(actor: Actor, personId: string, offset: number, notice?: string): Promise<Message> {
    const tr = this.tr(actor);
    const m = await this.ctx.team.member(actor.person.id, personId);
    if (!m) throw new DomainError('forbidden');
    const { items, total } = await this.ctx.workshops.listForPerson({
      personId: m.id,
      organizationId: m.organizationId,
      words: [],
      from: this.ctx.clock.now(),
      limit: WORKSHOPS_PAGE,
      offset: Math.max(0, offset),
    });
    const title = tr('team.for_member', { name: m.name });
    const blocks: Block[] = [{ type: 'header', text: title }];
    if (notice) blocks.push({ type: 'text', text: notice });
    if (items.length === 0) blocks.push({ type: 'text', text: tr('team.member_none', { name: m.name }) });
    for (const w of items) {
      const fields = [{ label: tr('workshops.when'), value: formatSlot(w.startsAt, w.endsAt, actor.locale, this.ctx.settings.timezone) }];
      if (w.location) fields.push({ label: tr('workshops.where'), value: w.location });
      const status =
        w.myStatus === 'CONFIRMED'
          ? tr('team.member_signed_up', { name: m.name })
          : w.myStatus === 'WAITLISTED'
            ? tr('team.member_waiting', { name: m.name, position: w.myPosition ?? '?' })
            : tr('read.seats', { free: Math.max(0, w.capacity - w.confirmedCount) });
      const live = w.myStatus === 'CONFIRMED' || w.myStatus === 'WAITLISTED';
      const c: Change = live ? 'cancel' : 'signup';
      blocks.push({
        type: 'item',
        key: w.id,
        title: w.title,
        text: status,
        fields,
        buttons: [{ action: 'team.ask', value: enc({ p: m.id, w: w.id, c }), label: tr(live ? 'team.button_cancel' : 'team.button_signup'), ...(live ? {} : { style: 'primary' as const }) }],
      });
    }
    blocks.push(...this.pager(tr, 'team.member', offset, total, WORKSHOPS_PAGE, (n) => ({ p: m.id, o: n })));
    blocks.push({ type: 'actions', buttons: [{ action: 'team.members', value: enc({ o: 0 }), label: tr('team.button_back') }] });
    return { text: notice ?? title, blocks };
  }

  /** The confirm step: the team leader says the person agreed; nothing changes before that. */
  async ask(actor: Actor, pick: Pick): Promise<Reply> {
    const tr = this.tr(actor);
    const m = await this.ctx.team.member(actor.person.id, pick.p);
    const w = await this.ctx.workshops.get(pick.w);
    if (!m || !w) throw new DomainError('forbidden');
    const question = tr(pick.c === 'signup' ? 'team.confirm_signup' : 'team.confirm_cancel', { name: m.name, title: w.title });
    const card: Message = {
      text: question,
      blocks: [
        { type: 'text', text: question },
        {
          type: 'actions',
          buttons: [
            { action: 'team.confirm', value: enc(pick), label: tr(pick.c === 'signup' ? 'team.button_yes_signup' : 'team.button_yes_cancel'), style: 'primary' },
            { action: 'team.not_asked', value: enc({ p: m.id, o: 0 }), label: tr('team.button_no') },
          ],
        },
      ],
    };
    return { messages: [], update: card };
  }

  async confirm(actor: Actor, pick: Pick): Promise<Reply> {
    const tr = this.tr(actor);
    const who = { teamLeaderId: actor.person.id, personId: pick.p, workshopId: pick.w };
    let text: string;
    if (pick.c === 'signup') {
      const r = await this.ctx.proxy.signUpOnBehalf(who);
      const p = { name: r.member.name, title: r.workshop.title, position: r.position ?? '?' };
      text =
        r.status === 'CONFIRMED'
          ? tr(r.unchanged ? 'team.done_signup_again' : 'team.done_signup', p)
          : tr(r.unchanged ? 'team.done_waitlist_again' : 'team.done_waitlist', p);
    } else {
      const r = await this.ctx.proxy.cancelOnBehalf(who);
      text = tr('team.done_cancel', { name: r.member.name, title: r.workshop.title });
    }
    return { messages: [{ text, blocks: [{ type: 'text', text }] }], update: await this.memberWorkshops(actor, pick.p, 0, text) };
  }

  async notAsked(actor: Actor, personId: string): Promise<Reply> {
    const m = await this.ctx.team.member(actor.person.id, personId);
    if (!m) throw new DomainError('forbidden');
    return { messages: [], update: await this.memberWorkshops(actor, m.id, 0, this.tr(actor)('team.not_asked', { name: m.name })) };
  }

  async talk(actor: Actor, key: string): Promise<Reply> {
    await this.team(actor);
    const tr = this.tr(actor);
    const n = await this.ctx.team.recordTeamTalk(actor.person.id, key, this.ctx.clock.now());
    const text = tr(n > 0 ? 'team.talk_saved' : 'team.talk_saved_again');
    return { messages: [{ text, blocks: [{ type: 'text', text }] }] };
  }

  /** The leader's part of "mijn": which day the toolbox comes, with a form to change it. Nothing for others. */
  async mySection(actor: Actor): Promise<Block[]> {
    if ((await this.ctx.team.members(actor.person.id)).length === 0) return [];
    const tr = this.tr(actor);
    const day = await this.ctx.team.toolboxWeekday(actor.person.id);
    const name = (d: number) => new Intl.DateTimeFormat(actor.locale === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, d)));
    return [
      { type: 'header', text: tr('team.my_title') },
      { type: 'text', text: day >= 1 && day <= 7 ? tr('team.toolbox_day', { day: name(day) }) : tr('team.toolbox_off') },
      {
        type: 'form',
        form: {
          id: 'team.toolbox_day',
          title: tr('team.toolbox_field'),
          submitLabel: tr('team.toolbox_save'),
          fields: [
            {
              id: 'day',
              label: tr('team.toolbox_field'),
              kind: 'select',
              required: true,
              initial: String(day),
              options: [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: name(d) })).concat([{ value: '0', label: tr('team.toolbox_never') }]),
            },
          ],
        },
      },
    ];
  }

  async saveToolboxDay(actor: Actor, raw: string): Promise<string> {
    await this.team(actor);
    const day = Number(raw);
    if (!Number.isInteger(day) || day < 0 || day > 7) throw new DomainError('invalid_input', {}, this.tr(actor)('team.toolbox_field'));
    await this.ctx.team.setToolboxWeekday(actor.person.id, day);
    return this.tr(actor)('team.toolbox_saved');
  }

  /** The weekly toolbox for every team leader whose day it is: one row per leader and day. */
  async planToolbox(fireAt: Date): Promise<number> {
    const tz = this.ctx.settings.timezone;
    const leaders = await this.ctx.team.leadersForToolbox(localDate(fireAt, tz).weekday);
    const day = dayKey(fireAt, tz);
    return this.ctx.outbox.enqueue(leaders.map((id) => teamKinds.toolbox.draft({ idempotencyKey: `team-toolbox:${id}:${day}`, personId: id, payload: { day } })));
  }

  /** The day before: every team leader with someone in the team going to a workshop tomorrow. */
  async planTomorrow(fireAt: Date): Promise<number> {
    const tz = this.ctx.settings.timezone;
    const from = startOfLocalDay(fireAt, tz, 1);
    const leaders = await this.ctx.team.leadersWithTeamGoing(from, startOfLocalDay(fireAt, tz, 2));
    const day = dayKey(from, tz);
    return this.ctx.outbox.enqueue(leaders.map((id) => teamKinds.tomorrow.draft({ idempotencyKey: `team-tomorrow:${id}:${day}`, personId: id, payload: { day } })));
  }

  /** Composed when sent, from the team as it is then; nothing to say (the team is gone) = no message. */
  async composeToolbox(actor: Actor): Promise<Message | null> {
    if ((await this.ctx.team.members(actor.person.id)).length === 0) return null;
    return this.toolbox(actor);
  }

  async composeTomorrow(day: string, actor: Actor): Promise<Message | null> {
    const tz = this.ctx.settings.timezone;
    const [y, mo, d] = day.split('-').map(Number);
    if (!y || !mo || !d) return null;
    const from = startOfLocalDay(new Date(Date.UTC(y, mo - 1, d, 12)), tz);
    const rows = await this.ctx.team.teamSignups(actor.person.id, from, startOfLocalDay(from, tz, 1));
    if (rows.length === 0) return null;
    const tr = this.tr(actor);
    const lines = rows.map((r) => {
      const p = { name: r.personName, title: r.title, time: `${localTime(r.startsAt, tz)}–${localTime(r.endsAt, tz)}`, place: r.location ?? tr('tomorrow.online') };
      return tr(r.status === 'CONFIRMED' ? 'tomorrow.line' : 'tomorrow.line_waiting', p);
    });
    const title = tr('tomorrow.title');
    return { text: `${title}: ${lines.join(' ')}`, blocks: [{ type: 'header', text: title }, { type: 'text', text: lines.join('\n') }] };
  }
}
