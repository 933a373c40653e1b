import type { BarChart } from '../core/nudges/chart.js';
import { drawBarChartPng } from './bar-chart-png.js';
import { drawBarChartSvg } from './bar-chart-svg.js';

// ECharts and resvg load on the first chart (echarts-runtime.ts, bar-chart-png.ts), not when this module does.
// Measured on the built bot (2 cores): idle RSS is unchanged; the first report adds ~25 MB (ECharts' code), and
// after a burst of 21 reports the bot settles ~20-30 MB above its idle figure within a minute. A worker thread that
// ended after each burst was tried and kept more (about 100 MB: glibc keeps the freed arena memory of the thread).

/** The chart as a standalone SVG document for web pages (`role="img"`, the figures as its label). */
export function renderBarChartSvg(chart: BarChart): Promise<string> {
  return drawBarChartSvg(chart);
}

/** The chart as PNG for chat: the same drawing at twice its size. */
export async function renderBarChart(chart: BarChart): Promise<Buffer> {
  const png = await drawBarChartPng(chart);
  return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
}
