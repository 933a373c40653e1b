import type { BarChart } from '../core/nudges/chart.js';
import { renderBarChartSvg } from './bar-chart-svg.js';
import { FONT_FILES } from './fonts.js';

export { renderBarChartSvg } from './bar-chart-svg.js';

/**
 * The chart as PNG for chat (Slack and Teams show images, not SVG): the SVG drawn by resvg at twice its size, with
 * the font files the layout was measured with and no system fonts, so every machine draws the same letters.
 */
export async function renderBarChart(chart: BarChart): Promise<Buffer> {
  const svg = await renderBarChartSvg(chart);
  // Loaded on first use, like ECharts: a native module the bot needs only for a report.
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [FONT_FILES.regular, FONT_FILES.semibold], defaultFontFamily: 'Inter', sansSerifFamily: 'Inter' },
    fitTo: { mode: 'zoom', value: 2 },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
