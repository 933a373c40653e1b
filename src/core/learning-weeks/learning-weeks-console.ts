import { DomainError } from '../errors.js';
import { hasRole, type Actor } from '../people/person.js';
import type { Clock } from '../ports.js';
import { localDate, zonedTime } from '../time.js';
import type { LearningWeek, LearningWeekStats, LearningWeeksRepository, WeekWorkshop } from './learning-week.js';
import { translator } from './texts.js';
import { formatDayInput, parseWeekForm } from './week-form.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type WeekOutcome = { ok: true; value: LearningWeek } | { ok: false; problems: string[] };

export interface LearningWeeksDeps {
  weeks: LearningWeeksRepository;
  clock: Clock;
  settings: { timezone: string };
}

/** The first moment of the first day and the first moment after the last day, in the configured time zone. */
function span(w: { startsOn: Date; endsOn: Date }, tz: string) {
  const at = (d: Date, plus: number) => zonedTime({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() + plus }, tz);
  return { from: at(w.startsOn, 0), until: at(w.endsOn, 1) };
}

/**
 * HR's learning weeks: list them with their fill, create and change them, and put workshops in them. A workshop in a
 * week takes place during that week, so the week's public page and poster show what the week holds.
 */
export class LearningWeeksConsole {
  constructor(private readonly ctx: LearningWeeksDeps) {}

  private guard(actor: Actor) {
    if (!hasRole(actor.person, 'HR')) throw new DomainError('forbidden');
  }

  async list(actor: Actor): Promise<LearningWeekStats[]> {
    this.guard(actor);
    return this.ctx.weeks.list();
  }

  async get(actor: Actor, id: string): Promise<LearningWeek> {
    this.guard(actor);
    const week = UUID.test(id) ? await this.ctx.weeks.get(id) : null;
    if (!week) throw new DomainError('not_found');
    return week;
  }

  /** The week and its workshops with their seats and waitlists. */
  async detail(actor: Actor, id: string): Promise<{ week: LearningWeek; workshops: WeekWorkshop[] }> {
    const week = await this.get(actor, id);
    return { week, workshops: await this.ctx.weeks.workshopsOf(week.id) };
  }

  async create(actor: Actor, form: Record<string, string>): Promise<WeekOutcome> {
    this.guard(actor);
    const tr = translator(actor.locale);
    const parsed = parseWeekForm(form, tr);
    if (!parsed.ok) return parsed;
    if (await this.ctx.weeks.getByKey(parsed.fields.key)) return { ok: false, problems: [tr('week.key_taken', { key: parsed.fields.key })] };
    return { ok: true, value: await this.ctx.weeks.create(parsed.fields) };
  }

  /** New name, code or days; refused while workshops of the week would fall outside the new days. */
  async edit(actor: Actor, id: string, form: Record<string, string>): Promise<WeekOutcome> {
    const week = await this.get(actor, id);
    const tr = translator(actor.locale);
    const parsed = parseWeekForm(form, tr);
    if (!parsed.ok) return parsed;
    const problems: string[] = [];
    const other = await this.ctx.weeks.getByKey(parsed.fields.key);
    if (other && other.id !== week.id) problems.push(tr('week.key_taken', { key: parsed.fields.key }));
    const { from, until } = span(parsed.fields, this.ctx.settings.timezone);
    const outside = await this.ctx.weeks.workshopsOutside(week.id, from, until);
    if (outside > 0) problems.push(tr('week.workshops_outside', { count: outside }));
    if (problems.length) return { ok: false, problems };
    return { ok: true, value: await this.ctx.weeks.update(week.id, parsed.fields) };
  }

  /**
   * The weeks to choose from on the workshop form, the latest first: those not over yet (a workshop is planned
   * ahead), and the week the workshop is in now, so the form never drops it silently.
   */
  async choices(actor: Actor, currentWeekId: string | null = null): Promise<LearningWeek[]> {
    const d = localDate(this.ctx.clock.now(), this.ctx.settings.timezone);
    const today = Date.UTC(d.year, d.month - 1, d.day);
    return (await this.list(actor)).filter((w) => w.endsOn.getTime() >= today || w.id === currentWeekId);
  }

  async weekOfWorkshop(actor: Actor, workshopId: string): Promise<string | null> {
    this.guard(actor);
    return UUID.test(workshopId) ? this.ctx.weeks.weekOfWorkshop(workshopId) : null;
  }

  /**
   * The mistake in a workshop's choice of week, or null when it is fine: the week must exist and the workshop must
   * start on one of its days (in the configured time zone). An empty choice means "no week".
   */
  async checkPlacement(actor: Actor, weekId: string, startsAt: Date | null): Promise<string | null> {
    if (!weekId) return null;
    const tr = translator(actor.locale);
    const week = UUID.test(weekId) ? await this.ctx.weeks.get(weekId) : null;
    if (!week) return tr('week.unknown');
    if (!startsAt) return null;
    const d = localDate(startsAt, this.ctx.settings.timezone);
    const day = Date.UTC(d.year, d.month - 1, d.day);
    if (day < week.startsOn.getTime() || day > week.endsOn.getTime()) {
      return tr('week.outside', { week: week.name, from: formatDayInput(week.startsOn), to: formatDayInput(week.endsOn) });
    }
    return null;
  }

  /** Puts the workshop in the week (checked with `checkPlacement` first), or takes it out with an empty choice. */
  async place(actor: Actor, workshopId: string, weekId: string): Promise<void> {
    this.guard(actor);
    await this.ctx.weeks.placeWorkshop(workshopId, weekId || null);
  }
}
