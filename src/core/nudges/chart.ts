import { formatPercent } from '../i18n/index.js';
import type { Locale } from '../messages.js';
import type { Translate } from './texts.js';
import type { EngagementReport } from './report.js';

/**
 * A horizontal bar chart, neutral: the outer layer (src/charts) draws it as SVG and PNG and serves it. Values are
 * shares 0..100, written in the reader's number format ("12,5%" in Dutch).
 */
export interface BarChart {
  title: string;
  locale: Locale;
  sections: { title: string; bars: { label: string; value: number | null; series: number; hiddenLabel?: string }[] }[];
  /** Shown for a bar without a value (a suppressed group), unless the bar has its own. */
  hiddenLabel: string;
}

/** Stores a chart image where chat platforms can fetch it; returns the path under the public URL. */
export interface ChartStore {
  publish(chart: BarChart, ownerId: string, now: Date): Promise<string>;
  /** The chart as PNG behind its unguessable token, while it has not expired. */
  get(token: string, now: Date): Promise<Uint8Array | null>;
}

/** A group hidden only so that a small one cannot be worked out is not "fewer than 5". */
const hiddenAs = (hidden: string | null, tr: Translate) => (hidden === 'complement' ? { hiddenLabel: tr('report.chart_hidden_complement') } : {});

/** The report's chart: each group's share over the rolling window, and each campaign's click share per variant. */
export function reportChart(r: EngagementReport, tr: Translate, dimension: string, locale: Locale): BarChart {
  const variantKeys = [...new Set(r.campaigns.map((c) => c.variant))].sort();
  return {
    title: tr('report.chart_title', { weeks: r.activityWeeks }),
    locale,
    hiddenLabel: tr('report.chart_hidden'),
    sections: [
      { title: tr('report.chart_groups', { dimension }), bars: r.current.map((c) => ({ label: c.group, value: c.share, series: 0, ...hiddenAs(c.hidden, tr) })) },
      ...(r.campaigns.length
        ? [{
            title: tr('report.chart_campaigns'),
            // Whole names: the chart wraps a long one rather than cutting it.
            bars: r.campaigns.map((c) => ({ label: `${c.campaign} ${c.variant}`, value: c.clickShare, series: Math.max(0, variantKeys.indexOf(c.variant)), ...hiddenAs(c.hidden, tr) })),
          }]
        : []),
    ],
  };
}

/** The same figures as text, in the reader's number format: the image's alt text, for screen readers and clients that show no images. */
export function chartAlt(chart: BarChart): string {
  return chart.sections
    .map((s) => `${s.title}: ${s.bars.map((b) => `${b.label} ${b.value === null ? (b.hiddenLabel ?? chart.hiddenLabel) : formatPercent(b.value, chart.locale)}`).join('; ')}`)
    .join('. ');
}
