import type { BarChart } from '../core/nudges/chart.js';
import { chartAlt } from '../core/nudges/chart.js';
import { formatPercent } from '../core/i18n/index.js';
import { loadEcharts } from './echarts-runtime.js';
import { FONT_FAMILY, measureText } from './fonts.js';
import { wrapLines } from './wrap.js';

// Sized for a phone: chat clients show the image at the screen's width (~340 px), so 480 units keep 16 px text
// at about 11 px there, and the PNG is drawn at twice this size to stay sharp. Names sit above their bar, with
// the full width to wrap in, so a long department name is never cut.
export const CHART_WIDTH = 480;
const PAD = 16;
const INK = '#242424';
const SOFT = '#616161';
const GRID = '#e0e0e0';
// Series colours with at least 3:1 contrast on white that stay apart for the common colour-vision deficiencies.
const SERIES = ['#0f6cbd', '#b35900', '#8764b8'];
const TITLE = { size: 20, line: 26 };
const SECTION = { size: 16, line: 22 };
const NAME = { size: 16, line: 21 };
const VALUE_SIZE = 15;
const AXIS_SIZE = 14;
const BAR = 22;
const AXIS_ROOM = 30;

const font = (size: number, bold = false) => `${bold ? '600' : 'normal'} ${size}px Inter`;
const lines = (text: string, size: number, max: number, bold = false) => wrapLines(text, max, (s) => measureText(s, font(size, bold)));

/**
 * The chart as a standalone SVG document (for web pages; the PNG for chat is drawn from it). It carries
 * `role="img"` and the same figures as text in its label, for screen readers.
 */
export async function drawBarChartSvg(chart: BarChart): Promise<string> {
  const echarts = await loadEcharts();
  const full = CHART_WIDTH - 2 * PAD;
  const valueText = (b: BarChart['sections'][number]['bars'][number]) => (b.value === null ? (b.hiddenLabel ?? chart.hiddenLabel) : formatPercent(b.value, chart.locale));
  // Room right of the plot for "100%" at the end of a full bar, and for the last axis label.
  const valueRoom = Math.ceil(measureText(formatPercent(100, chart.locale), font(VALUE_SIZE))) + 12;

  const titles: object[] = [];
  const grids: object[] = [];
  const xAxes: object[] = [];
  const yAxes: object[] = [];
  const series: object[] = [];
  const title = lines(chart.title, TITLE.size, full, true);
  titles.push({ text: title.join('\n'), left: PAD, top: PAD, padding: 0, textStyle: { fontSize: TITLE.size, fontWeight: 600, lineHeight: TITLE.line, color: INK, fontFamily: FONT_FAMILY } });
  let y = PAD + title.length * TITLE.line + 12;

  chart.sections.forEach((section, i) => {
    const head = lines(section.title, SECTION.size, full, true);
    titles.push({ text: head.join('\n'), left: PAD, top: y, padding: 0, textStyle: { fontSize: SECTION.size, fontWeight: 600, lineHeight: SECTION.line, color: INK, fontFamily: FONT_FAMILY } });
    y += head.length * SECTION.line + 8;
    const names = section.bars.map((b) => lines(b.label, NAME.size, full));
    const nameLines = Math.max(1, ...names.map((n) => n.length));
    // Each row: the name, the bar under it, and as much space below (ECharts centres a bar in its row).
    const nameBlock = nameLines * NAME.line + 4;
    const row = 2 * nameBlock + BAR;
    const rows = Math.max(1, section.bars.length);
    grids.push({ left: PAD, right: valueRoom, top: y, height: rows * row, outerBoundsMode: 'none' });
    xAxes.push({
      type: 'value', gridIndex: i, min: 0, max: 100, interval: 25,
      axisLabel: { formatter: (v: number) => formatPercent(v, chart.locale), fontSize: AXIS_SIZE, color: SOFT, fontFamily: FONT_FAMILY },
      splitLine: { lineStyle: { color: GRID } },
    });
    yAxes.push({
      type: 'category', gridIndex: i, inverse: true,
      data: section.bars.length ? names.map((n) => n.join('\n')) : [''],
      axisTick: { show: false },
      // The 0% grid line marks where bars start; an axis line there would run through the names.
      axisLine: { show: false },
      axisLabel: {
        inside: true, margin: 0, align: 'left', verticalAlign: 'bottom', padding: [0, 0, BAR / 2 + 4, 0],
        fontSize: NAME.size, lineHeight: NAME.line, color: INK, fontFamily: FONT_FAMILY,
      },
    });
    series.push({
      type: 'bar', xAxisIndex: i, yAxisIndex: i, barWidth: BAR, silent: true,
      data: section.bars.map((b) => ({
        value: b.value ?? 0,
        itemStyle: { color: SERIES[b.series % SERIES.length] },
        label: {
          show: true, position: 'right', distance: 6, formatter: valueText(b).replace(/[{}]/g, ''),
          fontSize: VALUE_SIZE, color: b.value === null ? SOFT : INK, fontStyle: b.value === null ? 'italic' : 'normal', fontFamily: FONT_FAMILY,
        },
      })),
    });
    y += rows * row + AXIS_ROOM + 14;
  });

  const height = y + PAD - 14;
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  try {
    instance.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: FONT_FAMILY },
      title: titles, grid: grids, xAxis: xAxes, yAxis: yAxes, series,
    });
    return labelled(instance.renderToSVGString(), chartAlt(chart));
  } finally {
    instance.dispose();
  }
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** ECharts' server-side SVG has no ARIA (its aria option works on a DOM); the chart says its figures itself. */
const labelled = (svg: string, alt: string) =>
  svg.replace(/^<svg /, `<svg role="img" aria-label="${xml(alt)}" `).replace(/^(<svg[^>]*>)/, `$1<title>${xml(alt)}</title>`);
