import type { ActionInput } from '../feature.js';
import type { ReflectionDeps } from './deps.js';
import { DomainError } from '../errors.js';
import { translator, type MessageKey } from './texts.js';
import type { Block, Message } from '../messages.js';
import type { Actor } from '../people/person.js';
import { formatTime, promptMinutes, QUIET_HOURS, type Rhythm } from './rhythm.js';

const EVERY: { days: number; key: MessageKey }[] = [
  { days: 7, key: 'rhythm.option_weekly' },
  { days: 14, key: 'rhythm.option_biweekly' },
  { days: 28, key: 'rhythm.option_four_weeks' },
  { days: 1, key: 'rhythm.option_daily' },
  { days: 0, key: 'rhythm.option_off' },
];

/** Half hours inside quiet hours: the only times the form offers. */
const TIMES = Array.from({ length: (QUIET_HOURS.until - QUIET_HOURS.from) / 30 + 1 }, (_, i) => formatTime(QUIET_HOURS.from + i * 30));

const dayName = (weekday: number, locale: 'nl' | 'en') =>
  // 2024-01-01 was a Monday.
  new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));

export function describeRhythm(r: Rhythm, locale: 'nl' | 'en'): string {
  const tr = translator(locale);
  const time = formatTime(promptMinutes(r));
  const day = dayName(r.weekday, locale);
  if (r.everyDays <= 0) return tr('rhythm.off');
  if (r.everyDays === 1) return tr('rhythm.daily', { time });
  if (r.everyDays === 7) return tr('rhythm.weekly', { day, time });
  if (r.everyDays % 7 === 0) return tr('rhythm.every_weeks', { weeks: r.everyDays / 7, day, time });
  return tr('rhythm.every_days', { days: r.everyDays, time });
}

/** "ritme": when the person's own questions come, and a form to change it. */
export class RhythmSettings {
  constructor(private readonly ctx: ReflectionDeps) {}

  async show(actor: Actor, notice?: string): Promise<Message> {
    const tr = translator(actor.locale);
    const r = await this.ctx.promptSchedule.rhythmOf(actor.person.id);
    const lines = [describeRhythm(r, actor.locale), tr('rhythm.quiet')];
    if (actor.person.paused) lines.push(tr('rhythm.paused'));
    const blocks: Block[] = [{ type: 'header', text: tr('rhythm.title') }];
    if (notice) blocks.push({ type: 'text', text: notice });
    blocks.push({ type: 'text', text: lines.join('\n') }, { type: 'form', form: this.form(actor, r) });
    return { text: lines[0]!, blocks };
  }

  private form(actor: Actor, r: Rhythm) {
    const tr = translator(actor.locale);
    return {
      id: 'rhythm.save',
      title: tr('rhythm.button_change'),
      submitLabel: tr('reflect.form_submit'),
      fields: [
        {
          id: 'every',
          label: tr('rhythm.field_every'),
          kind: 'select' as const,
          required: true,
          initial: String(EVERY.some((e) => e.days === r.everyDays) ? r.everyDays : 7),
          options: EVERY.map((e) => ({ value: String(e.days), label: tr(e.key) })),
        },
        {
          id: 'day',
          label: tr('rhythm.field_day'),
          kind: 'select' as const,
          required: true,
          initial: String(r.weekday),
          options: [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: dayName(d, actor.locale) })),
        },
        {
          id: 'time',
          label: tr('rhythm.field_time'),
          kind: 'select' as const,
          required: true,
          initial: formatTime(promptMinutes(r)),
          options: TIMES.map((t) => ({ value: t, label: t })),
        },
      ],
    };
  }

  /** Only the offered values are accepted: the form is a suggestion, the check is here. */
  async save(actor: Actor, input: ActionInput): Promise<{ messages: Message[]; update?: Message }> {
    const get = (id: string) => {
      const v = input.form?.[id];
      return String(Array.isArray(v) ? v[0] : (v ?? '')).trim();
    };
    const current = await this.ctx.promptSchedule.rhythmOf(actor.person.id);
    const every = get('every') === '' ? current.everyDays : Number(get('every'));
    const day = get('day') === '' ? current.weekday : Number(get('day'));
    const time = get('time') || formatTime(promptMinutes(current));
    if (!EVERY.some((e) => e.days === every) || !(day >= 1 && day <= 7 && Number.isInteger(day)) || !TIMES.includes(time)) {
      throw new DomainError('invalid_input', {}, translator(actor.locale)('rhythm.form_title'));
    }
    await this.ctx.promptSchedule.setRhythm(actor.person.id, { everyDays: every, weekday: day, time });
    return { messages: [await this.show(actor, translator(actor.locale)('rhythm.saved'))] };
  }
}
