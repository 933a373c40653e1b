import { DomainError } from '../errors.js';
import type { ImportReport } from '../import/import-report.js';
import type { LearningWeeksConsole } from '../learning-weeks/learning-weeks-console.js';
import { hasRole, type Actor } from '../people/person.js';
import { parseDateTime } from '../time.js';
import type { WorkshopsDeps } from './deps.js';
import { exportSignups } from './export-signups.js';
import { importWorkshops } from './import-workshops.js';
import { translator } from './texts.js';
import type { Workshop } from './workshop.js';
import type { Participant, WorkshopStats } from './workshop-admin-repository.js';
import type { WorkshopFilesRepository } from './workshop-files-repository.js';
import { parseWorkshopForm } from './workshop-form.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type FormOutcome<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const slug = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'workshop';

/**
 * HR's workshop use cases as data, for the web console. Changes go through the same stores as chat's edit form and
 * the CLI import, so the people signed up hear about a change or a cancellation and their calendars follow.
 */
export class WorkshopConsole {
  constructor(private readonly ctx: WorkshopsDeps & { files: WorkshopFilesRepository; learningWeeks?: LearningWeeksConsole }) {}

  /** The form's mistakes, the choice of learning week (field `week`) included, all at once. */
  private async problemsOf(actor: Actor, form: Record<string, string>, parsed: ReturnType<typeof parseWorkshopForm>): Promise<string[]> {
    const week = this.ctx.learningWeeks && 'week' in form
      ? await this.ctx.learningWeeks.checkPlacement(actor, (form.week ?? '').trim(), parsed.ok ? parsed.edit.startsAt : parseDateTime(form.starts ?? '', this.ctx.settings.timezone))
      : null;
    return [...(parsed.ok ? [] : parsed.problems), ...(week ? [week] : [])];
  }

  /** A form without the field `week` (chat, older clients) leaves the workshop's week as it is. */
  private async place(actor: Actor, workshopId: string, form: Record<string, string>) {
    if (this.ctx.learningWeeks && 'week' in form) await this.ctx.learningWeeks.place(actor, workshopId, (form.week ?? '').trim());
  }

  private guard(actor: Actor) {
    if (!hasRole(actor.person, 'HR')) throw new DomainError('forbidden');
  }

  /** Upcoming workshops and those of the last two weeks (attendance), with seats, waitlist and attendance. */
  async overview(actor: Actor, offset: number, limit: number): Promise<{ items: WorkshopStats[]; total: number }> {
    this.guard(actor);
    const now = this.ctx.clock.now();
    return this.ctx.workshopAdmin.stats(new Date(now.getTime() - 14 * 86_400_000), limit, offset);
  }

  async workshop(actor: Actor, id: string): Promise<{ workshop: Workshop; participants: Participant[] }> {
    this.guard(actor);
    const workshop = UUID.test(id) ? await this.ctx.workshops.get(id) : null;
    if (!workshop) throw new DomainError('not_found');
    return { workshop, participants: await this.ctx.workshopAdmin.participants(id) };
  }

  /** A new workshop, stored as one imported row would be (same store as `import workshops`). */
  async create(actor: Actor, form: Record<string, string>): Promise<FormOutcome<Workshop>> {
    this.guard(actor);
    const tr = translator(actor.locale);
    const parsed = parseWorkshopForm(form, tr, this.ctx.settings.timezone, { titleRequired: true });
    const problems = await this.problemsOf(actor, form, parsed);
    if (!parsed.ok || problems.length) return { ok: false, problems };
    const e = parsed.edit;
    // A key of its own: the title and the day, with a number when taken.
    const day = e.startsAt.toISOString().slice(0, 10);
    let key = `${slug(e.title)}-${day}`;
    for (let i = 2; await this.ctx.workshops.getByKey(key); i++) key = `${slug(e.title)}-${day}-${i}`;
    const tags = (form.tags ?? '').split(/[|,]/).map((t) => t.trim().toLowerCase()).filter(Boolean);
    const openTo = (form.organization ?? '').split('|').map((t) => t.trim()).filter(Boolean);
    await this.ctx.files.importWorkshops([
      { key, title: e.title, description: (form.description ?? '').trim().slice(0, 4000), startsAt: e.startsAt, endsAt: e.endsAt, location: e.location ?? null, onlineUrl: e.onlineUrl ?? null, capacity: e.capacity, tags, openTo },
    ]);
    const created = await this.ctx.workshops.getByKey(key);
    if (!created) throw new DomainError('not_found');
    if (e.signupDeadline) await this.ctx.workshopAdmin.edit(created.id, { signupDeadline: e.signupDeadline }, this.ctx.clock.now());
    await this.place(actor, created.id, form);
    return { ok: true, value: created };
  }

  /** The same change as chat's edit form: everyone signed up is told, reminders and calendars follow. */
  async edit(actor: Actor, id: string, form: Record<string, string>): Promise<FormOutcome<Workshop>> {
    const { workshop } = await this.workshop(actor, id);
    const parsed = parseWorkshopForm(form, translator(actor.locale), this.ctx.settings.timezone, { titleRequired: true });
    const problems = await this.problemsOf(actor, form, parsed);
    if (!parsed.ok || problems.length) return { ok: false, problems };
    if (workshop.cancelled) throw new DomainError('workshop_cancelled');
    const saved = await this.ctx.workshopAdmin.edit(id, parsed.edit, this.ctx.clock.now());
    await this.place(actor, id, form);
    return { ok: true, value: saved };
  }

  async cancel(actor: Actor, id: string): Promise<Workshop> {
    this.guard(actor);
    return this.ctx.workshopAdmin.cancelWorkshop(id, this.ctx.clock.now());
  }

  async markAttendance(actor: Actor, id: string, present: string[]): Promise<number> {
    this.guard(actor);
    return this.ctx.workshopAdmin.markAttendance(id, present, this.ctx.clock.now());
  }

  /** A workshops CSV, whole or not at all (CsvFileError lists every bad line). */
  async importFile(actor: Actor, file: Buffer): Promise<ImportReport> {
    this.guard(actor);
    return importWorkshops(this.ctx.files, file, { timezone: this.ctx.settings.timezone });
  }

  /** The attendance list as Dutch Excel opens it (the same export as the CLI). */
  async attendanceCsv(actor: Actor, key: string): Promise<string> {
    this.guard(actor);
    return exportSignups(this.ctx.files, key, this.ctx.settings.timezone);
  }
}
