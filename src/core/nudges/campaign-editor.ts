import { DomainError } from '../errors.js';
import type { AuditRepository } from '../audit/audit-repository.js';
import type { Locale } from '../messages.js';
import { hasRole, type Actor } from '../people/person.js';
import { localDate } from '../time.js';
import type { Campaign, CampaignTarget } from './campaign.js';
import { checkCampaigns, type CampaignProblem, type CampaignRuleOptions } from './campaign-rules.js';
import type { CampaignImportRepository } from './campaign-import-repository.js';
import { translator, type CampaignFormKey } from './campaign-form-texts.js';
import type { NudgeRepository } from './nudge-repository.js';
import { parseScheduleWords, scheduleInWords } from './schedule-words.js';

export type FormValues = Record<string, string | string[]>;

/** The variant slots the form offers: A and B (an A/B test); B may stay empty. */
export const VARIANT_SLOTS = ['A', 'B'] as const;
const VARIANT_FIELDS = ['nl_text', 'nl_button', 'en_text', 'en_button'] as const;
export const variantField = (slot: string, f: (typeof VARIANT_FIELDS)[number]) => `${slot.toLowerCase()}_${f}`;

export interface FieldProblem {
  /** The form field's name (`schedule`, `a_nl_text`, …) or `form` when it concerns the whole campaign. */
  field: string;
  message: string;
}

export type SaveResult = { ok: true; campaign: Campaign } | { ok: false; problems: FieldProblem[] };

export interface CampaignEditorDeps {
  campaigns: CampaignImportRepository;
  nudges: NudgeRepository;
  audit: AuditRepository;
  now: () => Date;
  rules: CampaignRuleOptions;
}

/** `YYYY-MM-DD` of the local day of `d`: how the form and the file write dates. */
function isoDay(d: Date, tz: string): string {
  const p = localDate(d, tz);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : (v ?? '')).trim();
const many = (v: string | string[] | undefined) =>
  [...new Set((Array.isArray(v) ? v : [v ?? '']).flatMap((s) => s.split(/[,;\n]/)).map((s) => s.trim()).filter(Boolean))];

/** The rule set's field path (`variants[1].nl.text`, `variants.1.nl.text`, `target.hours`) as the form's field. */
function fieldOf(path: string, slots: string[]): string {
  const v = /^variants(?:\[(\d+)\]|\.(\d+))(?:\.(nl|en)\.(text|button))?/.exec(path);
  if (v) {
    const slot = slots[Number(v[1] ?? v[2])] ?? 'A';
    return v[3] ? variantField(slot, `${v[3]}_${v[4]}` as (typeof VARIANT_FIELDS)[number]) : variantField(slot, 'nl_text');
  }
  const top = path.replace(/^target\./, '').split('.')[0]!;
  const names: Record<string, string> = { startsAt: 'starts', endsAt: 'ends', educationLevels: 'levels', teamsOf: 'teams', inactiveWeeks: 'inactive_weeks' };
  return names[top] ?? top;
}

/** The rule set's English message in the HR person's words, where we know it; else as the rules wrote it. */
function messageOf(p: CampaignProblem, locale: Locale): string {
  const tr = translator(locale);
  const known: [RegExp, CampaignFormKey][] = [
    [/not plain Dutch/, 'campaign.problem.b1'],
    [/must not be empty|too_small|expected string/i, 'campaign.problem.empty'],
    [/at most \d+ characters/, 'campaign.problem.too_long'],
    [/placeholders/, 'campaign.problem.placeholder'],
    [/letters, digits/, 'campaign.problem.key'],
    [/window of local time/, 'campaign.problem.hours'],
    [/must be after/, 'campaign.problem.end_before_start'],
    [/^use 20/, 'campaign.problem.date'],
    [/only works with action/, 'campaign.problem.count_action'],
    [/unknown organisation/, 'campaign.problem.organization'],
    [/team leader by e-mail/, 'campaign.problem.team'],
  ];
  const hit = known.find(([re]) => re.test(p.message));
  return hit ? tr(hit[1]) : p.message;
}

/** A stored campaign as the form shows it: schedule in words, organisations by key, variant slots. */
export function campaignValues(c: Campaign, orgs: { id: string; key: string }[], locale: Locale, timezone: string): FormValues {
  const t = c.target;
  const values: FormValues = {
    key: c.key,
    name: c.name,
    schedule: scheduleInWords(c.schedule, locale),
    starts: c.startsAt ? isoDay(c.startsAt, timezone) : '',
    // The file's end date means the end of that day: show the day itself.
    ends: c.endsAt ? isoDay(new Date(c.endsAt.getTime() - 1), timezone) : '',
    action: c.variants[0]?.action ?? 'workshops',
    organizations: t.organizations.map((id) => orgs.find((o) => o.id === id)?.key ?? id),
    departments: t.departments.join(', '),
    levels: t.educationLevels,
    groups: t.groups,
    teams: t.teamsOf.join(', '),
    roles: t.roles.map((r) => r.toLowerCase()),
    inactive_weeks: String(t.inactiveWeeks),
    hours: t.hours ?? '',
    days: (t.days ?? []).map(String),
  };
  for (const [i, v] of c.variants.entries()) {
    const slot = VARIANT_SLOTS[i] ?? v.key;
    values[variantField(slot, 'nl_text')] = v.nl.text;
    values[variantField(slot, 'nl_button')] = v.nl.button;
    values[variantField(slot, 'en_text')] = v.en.text;
    values[variantField(slot, 'en_button')] = v.en.button;
  }
  return values;
}

/** The audience, quiet hours and days of the form, in the file's shape. */
function targetOf(values: FormValues, inactiveWeeks: number) {
  const hours = one(values.hours);
  const days = many(values.days).map(Number).filter((d) => Number.isInteger(d) && d >= 1 && d <= 7);
  return {
    organizations: many(values.organizations),
    departments: many(values.departments),
    educationLevels: many(values.levels),
    groups: many(values.groups),
    teamsOf: many(values.teams),
    roles: many(values.roles),
    inactiveWeeks,
    ...(hours ? { hours } : {}),
    ...(days.length ? { days: [...new Set(days)].sort() } : {}),
  };
}

/**
 * HR's campaign form, one way in beside `campaign import`: the form's values become a campaign in the file's shape
 * and go through the same rules (campaign-rules.ts) and the same store. Schedules are written in words; the cron
 * expression never shows. Every mistake is named at once, by field.
 */
export class CampaignEditor {
  constructor(private readonly d: CampaignEditorDeps) {}

  private guard(actor: Actor) {
    if (!hasRole(actor.person, 'HR')) throw new DomainError('forbidden');
  }

  async list(actor: Actor): Promise<Campaign[]> {
    this.guard(actor);
    return this.d.nudges.listCampaigns();
  }

  async get(actor: Actor, id: string): Promise<Campaign> {
    this.guard(actor);
    const c = await this.d.nudges.getCampaign(id);
    if (!c) throw new DomainError('not_found');
    return c;
  }

  /** How many people the campaign would reach now (its target, pauses and opt-outs included). */
  async reach(actor: Actor, target: CampaignTarget): Promise<number> {
    this.guard(actor);
    return (await this.d.nudges.targets(target, this.d.now())).length;
  }

  /**
   * How many people the audience a form describes would reach now, checked by the same rules; null when the
   * audience cannot be read yet (an unknown team leader, a window that is not one).
   */
  async reachOf(actor: Actor, values: FormValues): Promise<number | null> {
    this.guard(actor);
    const weeks = Number(one(values.inactive_weeks) || '0');
    const probe = {
      key: 'reach', name: 'reach', schedule: '0 9 * * 1',
      target: targetOf(values, Number.isInteger(weeks) && weeks >= 0 && weeks <= 52 ? weeks : 0),
      variants: [{ key: 'A', nl: { text: 'x', button: 'x' }, en: { text: 'x', button: 'x' } }],
    };
    const checked = await checkCampaigns(this.d.campaigns, [probe], this.d.rules);
    return checked.ok ? this.reach(actor, checked.campaigns[0]!.target) : null;
  }

  async setStatus(actor: Actor, id: string, status: 'ACTIVE' | 'PAUSED'): Promise<Campaign> {
    this.guard(actor);
    const c = await this.d.nudges.setCampaignStatus(id, status, actor.person.id, this.d.now());
    if (!c) throw new DomainError('not_found');
    return c;
  }

  /** Creates (no `id`) or changes a campaign. A new one starts as a draft: HR starts it when it is ready. */
  async save(actor: Actor, values: FormValues, id?: string): Promise<SaveResult> {
    this.guard(actor);
    const tr = translator(actor.locale);
    const existing = id ? await this.get(actor, id) : null;
    const problems: FieldProblem[] = [];
    const key = existing?.key ?? one(values.key);
    if (!existing && key && (await this.d.campaigns.campaignIdByKey(key))) problems.push({ field: 'key', message: tr('campaign.problem.key_taken') });

    const cron = parseScheduleWords(one(values.schedule));
    if (!cron) problems.push({ field: 'schedule', message: tr('campaign.problem.schedule') });
    const weeksText = one(values.inactive_weeks) || '0';
    const weeks = /^\d{1,2}$/.test(weeksText) && Number(weeksText) <= 52 ? Number(weeksText) : null;
    if (weeks === null) problems.push({ field: 'inactive_weeks', message: tr('campaign.problem.weeks') });

    const slots: string[] = [];
    const variants = [];
    for (const slot of VARIANT_SLOTS) {
      const f = Object.fromEntries(VARIANT_FIELDS.map((k) => [k, one(values[variantField(slot, k)])])) as Record<(typeof VARIANT_FIELDS)[number], string>;
      const filled = VARIANT_FIELDS.filter((k) => f[k]).length;
      if (filled === 0 && slot !== 'A') continue;
      slots.push(slot);
      variants.push({ key: slot, nl: { text: f.nl_text, button: f.nl_button }, en: { text: f.en_text, button: f.en_button } });
    }
    const file = {
      key,
      name: one(values.name),
      // A placeholder the rules accept, so that the other fields are still checked; the words' problem is named above.
      schedule: cron ?? '0 9 * * 1',
      ...(one(values.starts) ? { startsAt: one(values.starts) } : {}),
      ...(one(values.ends) ? { endsAt: one(values.ends) } : {}),
      action: one(values.action) || 'workshops',
      ...(existing ? {} : { status: 'draft' }),
      target: targetOf(values, weeks ?? 0),
      variants,
    };
    const checked = await checkCampaigns(this.d.campaigns, [file], this.d.rules);
    if (!checked.ok) {
      for (const p of checked.problems) {
        const field = fieldOf(p.path, slots);
        const message = messageOf(p, actor.locale);
        // One line per field and message: zod can name the same mistake twice.
        if (!problems.some((x) => x.field === field && x.message === message)) problems.push({ field, message });
      }
    }
    if (problems.length || !checked.ok) return { ok: false, problems };
    const now = this.d.now();
    await this.d.campaigns.importCampaigns(checked.campaigns, now);
    const campaignId = existing?.id ?? (await this.d.campaigns.campaignIdByKey(key));
    await this.d.audit.record({ actor: actor.person.id, actorId: actor.person.id, action: existing ? 'campaign.edit' : 'campaign.create', subject: key, details: { via: 'console' } });
    const campaign = campaignId ? await this.d.nudges.getCampaign(campaignId) : null;
    if (!campaign) throw new DomainError('not_found');
    return { ok: true, campaign };
  }
}
