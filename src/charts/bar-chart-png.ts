import type { BarChart } from '../core/nudges/chart.js';
import { drawBarChartSvg } from './bar-chart-svg.js';
import { FONT_FILES } from './fonts.js';

/**
 * The chart as PNG for chat (Slack and Teams show images, not SVG): the SVG drawn by resvg at twice its size, with
 * the font files the layout was measured with and no system fonts, so every machine draws the same letters.
 * resvg loads on the first PNG: a native module the bot needs only for a report.
 */
export async function drawBarChartPng(chart: BarChart): Promise<Uint8Array> {
  const svg = await drawBarChartSvg(chart);
  const { Resvg } = await import('@resvg/resvg-js');
  // The pixmap lives outside V8's heap until V8 collects the small wrapper; asPng copies what we keep.
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [FONT_FILES.regular, FONT_FILES.semibold], defaultFontFamily: 'Inter', sansSerifFamily: 'Inter' },
    fitTo: { mode: 'zoom', value: 2 },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
