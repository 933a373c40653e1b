import type { NudgesDeps } from './deps.js';
import { translator, type MessageKey } from './texts.js';
import type { Block, Button, Message } from '../messages.js';
import type { Actor } from '../people/person.js';
import { chartAlt, reportChart } from './chart.js';
import { nudgeSettings } from './nudge-service.js';
import { buildReport, type EngagementReport } from './report.js';
import { reportCsv } from './report-format.js';
import { CSV_MIME } from '../csv/excel-csv.js';
import { DIMENSIONS, type Dimension } from './report-repository.js';

const WORDS: Record<string, Dimension> = {
  afdeling: 'department', department: 'department', organisatie: 'organization', organisation: 'organization',
  organization: 'organization', opleiding: 'education', education: 'education', niveau: 'education',
  teamleider: 'teamleader', teamleiders: 'teamleader', teamleader: 'teamleader', 'team leader': 'teamleader', team: 'teamleader',
};

export const parseDimension = (s: string): Dimension => WORDS[s.trim().toLowerCase()] ?? 'department';

export const REPORT_WEEKS = 8;

export function report(ctx: NudgesDeps, dimension: Dimension): Promise<EngagementReport> {
  return buildReport(ctx.engagementReport, {
    dimension,
    weeks: REPORT_WEEKS,
    activityWeeks: nudgeSettings(ctx).activityWeeks,
    now: ctx.clock.now(),
    timezone: ctx.settings.timezone,
  });
}

/** HR's report in chat: a chart image, the same figures as text, and the CSV one click away. */
export async function reportMessage(ctx: NudgesDeps, actor: Actor, dimension: Dimension): Promise<Message> {
  const tr = translator(actor.locale);
  const r = await report(ctx, dimension);
  const dim = tr(`report.dimension.${dimension}` as MessageKey);
  const named = { ...r, current: r.current.map((c) => ({ ...c, group: c.group || tr('report.unknown_group') })) };
  const chart = reportChart(named, tr, dim, actor.locale);
  const path = await ctx.charts.publish(chart, actor.person.id, ctx.clock.now());
  const groups = named.current.map((c) =>
    c.hidden === 'small'
      ? tr('report.group_hidden', { group: c.group })
      : c.hidden === 'complement'
        ? tr('report.group_hidden_complement', { group: c.group, people: c.people! })
        : tr('report.group', { group: c.group, share: c.share!, active: c.active!, people: c.people! }),
  );
  const campaigns = r.campaigns.map((c) =>
    c.hidden === 'small'
      ? tr('report.variant_hidden', { campaign: c.campaign, variant: c.variant })
      : c.hidden === 'complement'
        ? tr('report.variant_hidden_complement', { campaign: c.campaign, variant: c.variant })
        : tr('report.variant', { campaign: c.campaign, variant: c.variant, clicked: c.clicked!, sent: c.sent!, share: c.clickShare!, after: c.activeAfter! }),
  );
  const blocks: Block[] = [
    { type: 'header', text: tr('report.title') },
    { type: 'text', text: tr('report.intro', { dimension: dim, weeks: r.activityWeeks }) },
    { type: 'image', url: `${ctx.settings.publicUrl}${path}`, alt: chartAlt(chart) },
    { type: 'text', text: groups.length ? groups.join('\n') : tr('report.no_people') },
    { type: 'text', text: `${tr('report.campaigns')}\n${campaigns.length ? campaigns.join('\n') : tr('report.no_campaigns')}` },
    { type: 'context', text: tr('report.privacy') },
  ];
  const buttons: Button[] = DIMENSIONS.filter((d) => d !== dimension).map((d) => ({
    action: 'report.view',
    value: d,
    label: tr(`report.button_${d}` as MessageKey),
  }));
  buttons.push({ action: 'report.csv', value: dimension, label: tr('report.button_csv') });
  blocks.push({ type: 'actions', buttons });
  return { text: tr('report.title'), blocks };
}

/** The CSV as a one-time download for the HR adviser who asked. */
export async function reportCsvMessage(ctx: NudgesDeps, actor: Actor, dimension: Dimension): Promise<Message> {
  const tr = translator(actor.locale);
  const now = ctx.clock.now();
  const csv = reportCsv(await report(ctx, dimension), actor.locale);
  const day = now.toISOString().slice(0, 10);
  const token = await ctx.downloads.create({
    personId: actor.person.id,
    filename: `vliegwiel-rapport-${dimension}-${day}.csv`,
    mimeType: CSV_MIME,
    content: new TextEncoder().encode(csv),
    expiresAt: new Date(now.getTime() + 3_600_000),
  });
  const url = `${ctx.settings.publicUrl}/downloads/${token}`;
  return {
    text: tr('report.csv_ready'),
    blocks: [
      { type: 'text', text: tr('report.csv_ready') },
      { type: 'actions', buttons: [{ action: 'link.download', value: token, label: tr('report.button_download'), url }] },
    ],
  };
}
