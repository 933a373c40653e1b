import cron from 'node-cron';
import { audit } from '../core/audit/audit.js';
import { CampaignFileError, importCampaigns } from '../core/nudges/import-campaigns.js';
import { formatReport } from '../core/import/import-report.js';
import { buildReport } from '../core/nudges/report.js';
import { reportCsv, reportText } from '../core/nudges/report-format.js';
import { DIMENSIONS, type Dimension } from '../core/nudges/report-repository.js';
import { DEFAULT_NUDGE_SETTINGS } from '../core/nudges/settings.js';
import { localDate } from '../core/time.js';
import { option, type CliDeps, type CliIo } from './cli-deps.js';

export const NUDGE_HELP = `  campaign import <file.json>     nudge campaigns (README "Nudges": target, variants A/B, cron schedule);
                                  checked whole (plain Dutch too), stored by key; same file twice changes nothing
  campaign list                   campaigns with status, schedule and next fire
  campaign status <key> <active|paused|ended|draft>
                                  start, pause or end a campaign
  report [--format text|csv] [--by department|organization|education|teamleader] [--weeks 8] [--locale nl|en] [--out file]
                                  engagement by group per week and per campaign variant; groups under 5 suppressed;
                                  CSV as Dutch Excel opens it (semicolons, BOM), decimal commas unless --locale en`;

const STATUSES = { active: 'ACTIVE', paused: 'PAUSED', ended: 'ENDED', draft: 'DRAFT' } as const;

function nextFire(schedule: string, timezone: string): string {
  const probe = cron.createTask(schedule, () => undefined, { timezone });
  try {
    // getNextRun() answers only for a started task; getNextRuns works on this probe.
    const next = probe.getNextRuns(1)[0];
    if (!next) return '-';
    const p = localDate(next, timezone);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
  } finally {
    void probe.destroy();
  }
}

/** `campaign import|list|status`. Returns the exit code. */
export async function campaignCommand(sub: string | undefined, rest: string[], io: CliIo, deps: () => Promise<CliDeps>): Promise<number> {
  const usage = (msg: string) => {
    io.err(`${msg}\nRun "vliegwiel --help" for the commands.`);
    return 2;
  };
  if (sub === 'import') {
    const file = rest[0];
    if (!file) return usage('usage: campaign import <file.json>');
    const content = await io.readFile(file);
    const d = await deps();
    try {
      const report = await importCampaigns(d.campaignImport, content, { timezone: d.timezone, now: d.now(), validCron: (s) => cron.validate(s) });
      await audit(d.audit, { actor: 'cli', action: 'import.campaigns', subject: file, details: report });
      io.out(formatReport(report));
      return 0;
    } catch (e) {
      if (!(e instanceof CampaignFileError)) throw e;
      io.err(`The file was not imported (nothing was stored). Fix these:\n${e.message}`);
      return 1;
    }
  }
  if (sub === 'list') {
    const d = await deps();
    const list = await d.nudges.listCampaigns();
    if (list.length === 0) io.out('no campaigns yet: vliegwiel campaign import <file.json>');
    for (const c of list) {
      const next = c.status === 'ACTIVE' ? nextFire(c.schedule, d.timezone) : '-';
      io.out(`${c.key}\t${c.status.toLowerCase()}\t${c.schedule}\tnext ${next}\tvariants ${c.variants.map((v) => v.key).join('/')}\t${c.name}`);
    }
    return 0;
  }
  if (sub === 'status') {
    const [key, word] = rest;
    const status = STATUSES[(word ?? '').toLowerCase() as keyof typeof STATUSES];
    if (!key || !status) return usage('usage: campaign status <key> <active|paused|ended|draft>');
    const d = await deps();
    const id = await d.campaignImport.campaignIdByKey(key);
    if (!id) {
      io.err(`Unknown campaign: ${key}`);
      return 1;
    }
    await d.nudges.setCampaignStatus(id, status, 'cli', d.now());
    io.out(`${key}: ${status.toLowerCase()}`);
    return 0;
  }
  return usage('usage: campaign import <file.json> | campaign list | campaign status <key> <status>');
}

/** `report`: the HR report as text or CSV; every group and campaign variant under 5 people is suppressed. */
export async function reportCommand(args: string[], io: CliIo, deps: () => Promise<CliDeps>): Promise<number> {
  const format = option(args, '--format') ?? 'text';
  const by = (option(args, '--by') ?? 'department').replace('organisation', 'organization') as Dimension;
  const weeks = Number(option(args, '--weeks') ?? 8);
  const activityWeeks = Number(option(args, '--activity-weeks') ?? DEFAULT_NUDGE_SETTINGS.activityWeeks);
  const locale = option(args, '--locale') ?? 'nl';
  const whole = (n: number, max: number) => Number.isInteger(n) && n >= 1 && n <= max;
  if (locale !== 'nl' && locale !== 'en') {
    io.err('usage: report --locale nl|en (the number format of the CSV: 12,5 or 12.5)');
    return 2;
  }
  if (!['text', 'csv'].includes(format) || !DIMENSIONS.includes(by) || !whole(weeks, 104) || !whole(activityWeeks, 52)) {
    io.err('usage: report [--format text|csv] [--by department|organization|education|teamleader] [--weeks 1..104] [--activity-weeks 1..52] [--out file]');
    return 2;
  }
  const d = await deps();
  const report = await buildReport(d.engagementReport, {
    dimension: by,
    weeks,
    activityWeeks,
    now: d.now(),
    timezone: d.timezone,
  });
  const named = { ...report, current: report.current.map((c) => ({ ...c, group: c.group || '(none)' })), engagement: report.engagement.map((e) => ({ ...e, group: e.group || '(none)' })) };
  const text = format === 'csv' ? reportCsv(named, locale) : `${reportText(named)}\n`;
  await audit(d.audit, { actor: 'cli', action: 'report', details: { format, by, weeks } });
  const out = option(args, '--out');
  if (out) {
    await io.writeFile(out, text);
    io.out(`written: ${out}`);
  } else io.out(text.replace(/\r?\n$/, ''));
  return 0;
}
