import { excelCsv, type CsvCell } from '../csv/excel-csv.js';
import type { Locale } from '../messages.js';
import type { EngagementReport } from './report.js';
import { MIN_GROUP } from './settings.js';

/**
 * The report as one CSV table (README "Report"): engagement rows first (one per group and week), then campaign
 * rows (one per campaign and variant). Columns a section does not use stay empty; a suppressed row has no figures.
 */
export const CSV_COLUMNS = [
  'section', 'dimension', 'group', 'week', 'people', 'active', 'active_pct',
  'campaign', 'variant', 'sent', 'clicked', 'clicked_pct', 'active_after', 'active_after_pct', 'suppressed',
] as const;

/** The report as Dutch Excel opens it (see excel-csv.ts); figures in the reader's number format ("12,5" in Dutch). */
export function reportCsv(r: EngagementReport, locale: Locale = 'nl'): string {
  const rows: CsvCell[][] = [];
  const add = (v: Partial<Record<(typeof CSV_COLUMNS)[number], CsvCell>>) => rows.push(CSV_COLUMNS.map((c) => v[c]));
  for (const e of r.engagement) {
    add({ section: 'engagement', dimension: r.dimension, group: e.group, week: e.week, people: e.people, active: e.active, active_pct: e.share, suppressed: e.suppressed ? 'yes' : 'no' });
  }
  for (const c of r.campaigns) {
    add({
      section: 'campaign', campaign: c.campaign, variant: c.variant, sent: c.sent, clicked: c.clicked, clicked_pct: c.clickShare,
      active_after: c.activeAfter, active_after_pct: c.activeAfterShare, suppressed: c.suppressed ? 'yes' : 'no',
    });
  }
  return excelCsv(CSV_COLUMNS, rows, locale);
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const fig = (v: number | null, suffix = '', hidden: string | null = 'small') =>
  v !== null ? `${v}${suffix}` : hidden === 'complement' ? 'hidden' : `<${MIN_GROUP}`;

/** The report as text for the terminal: one line per group with its weekly shares, then the campaigns. */
export function reportText(r: EngagementReport): string {
  const out: string[] = [];
  out.push(`Engagement by ${r.dimension}: share of people with any activity per week (groups under ${MIN_GROUP} suppressed, and others where needed so that none can be worked out)`);
  const width = Math.max(10, ...r.current.map((c) => c.group.length)) + 2;
  out.push(`${pad('group', width)}${pad('people', 8)}${r.weeks.map((w) => pad(w.slice(5), 7)).join('')}last ${r.activityWeeks} wk`);
  for (const c of r.current) {
    const weeks = r.engagement.filter((e) => e.group === c.group).map((e) => pad(fig(e.share, '%', e.hidden), 7));
    out.push(`${pad(c.group, width)}${pad(fig(c.people), 8)}${weeks.join('')}${fig(c.share, '%', c.hidden)}`);
  }
  if (r.current.length === 0) out.push('(no people yet)');
  out.push('');
  out.push('Campaigns: delivered, clicked, active within 14 days after');
  for (const c of r.campaigns) {
    out.push(
      c.hidden === 'small'
        ? `${c.campaign} ${c.variant}: sent to fewer than ${MIN_GROUP}, suppressed`
        : c.hidden === 'complement'
        ? `${c.campaign} ${c.variant}: suppressed so that a smaller variant cannot be worked out`
        : `${c.campaign} ${c.variant}: sent ${c.sent}, clicked ${c.clicked} (${c.clickShare}%), active after ${c.activeAfter} (${c.activeAfterShare}%)`,
    );
  }
  if (r.campaigns.length === 0) out.push('(no campaign nudges delivered yet)');
  return out.join('\n');
}
