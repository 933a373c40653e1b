import { PNG } from 'pngjs';
import type { BarChart } from '../core/nudges/chart.js';
import { drawable, glyph, GLYPH_H, GLYPH_W } from './font.js';

type Rgb = [number, number, number];

const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [34, 34, 34];
const GRID: Rgb = [225, 225, 225];
const HIDDEN: Rgb = [200, 200, 200];
// Series colours that stay apart for the common colour-vision deficiencies (blue / orange / purple).
const SERIES: Rgb[] = [[31, 119, 180], [230, 126, 34], [142, 68, 173]];

const WIDTH = 760;
const MARGIN = 20;
const SCALE = 2;
const CHAR_W = (GLYPH_W + 1) * SCALE;
const LINE_H = GLYPH_H * SCALE;
const LABEL_CHARS = 22;
const BAR_X = MARGIN + LABEL_CHARS * CHAR_W + 12;
const BAR_MAX = WIDTH - BAR_X - MARGIN - 6 * CHAR_W;
const BAR_H = 20;
const ROW_H = BAR_H + 8;

class Canvas {
  readonly png: PNG;
  constructor(width: number, height: number) {
    this.png = new PNG({ width, height });
    this.rect(0, 0, width, height, WHITE);
  }

  rect(x: number, y: number, w: number, h: number, c: Rgb) {
    const { width, height, data } = this.png;
    for (let yy = Math.max(0, y); yy < Math.min(height, y + h); yy++) {
      for (let xx = Math.max(0, x); xx < Math.min(width, x + w); xx++) {
        const i = (yy * width + xx) * 4;
        data[i] = c[0];
        data[i + 1] = c[1];
        data[i + 2] = c[2];
        data[i + 3] = 255;
      }
    }
  }

  text(x: number, y: number, s: string, c: Rgb, scale = SCALE, maxChars = Infinity) {
    let chars = drawable(s);
    if (chars.length > maxChars) chars = `${chars.slice(0, maxChars - 1)}.`;
    [...chars].forEach((ch, n) => {
      glyph(ch).forEach((row, gy) =>
        row.forEach((on, gx) => {
          if (on) this.rect(x + n * (GLYPH_W + 1) * scale + gx * scale, y + gy * scale, scale, scale, c);
        }),
      );
    });
  }
}

/** Height of the image: title, then per section a title line and a row per bar. */
const heightOf = (chart: BarChart) =>
  MARGIN * 2 + LINE_H * 1.5 + 12 + chart.sections.reduce((h, s) => h + LINE_H + 14 + Math.max(1, s.bars.length) * ROW_H + 12, 0);

/** Draws the chart as a PNG: horizontal bars of 0..100 %, a grey box for a suppressed group. */
export function renderBarChart(chart: BarChart): Buffer {
  const canvas = new Canvas(WIDTH, Math.ceil(heightOf(chart)));
  let y = MARGIN;
  canvas.text(MARGIN, y, chart.title, INK, 3, Math.floor((WIDTH - 2 * MARGIN) / ((GLYPH_W + 1) * 3)));
  y += LINE_H * 1.5 + 12;
  for (const section of chart.sections) {
    canvas.text(MARGIN, y, section.title, INK, SCALE, Math.floor((WIDTH - 2 * MARGIN) / CHAR_W));
    y += LINE_H + 14;
    const top = y;
    const rows = Math.max(1, section.bars.length);
    for (const pct of [0, 25, 50, 75, 100]) canvas.rect(BAR_X + Math.round((BAR_MAX * pct) / 100), top - 4, 1, rows * ROW_H, GRID);
    for (const bar of section.bars) {
      canvas.text(MARGIN, y + (BAR_H - LINE_H) / 2, bar.label, INK, SCALE, LABEL_CHARS);
      if (bar.value === null) {
        canvas.rect(BAR_X, y, 24, BAR_H, HIDDEN);
        canvas.text(BAR_X + 32, y + (BAR_H - LINE_H) / 2, bar.hiddenLabel ?? chart.hiddenLabel, INK);
      } else {
        const w = Math.max(1, Math.round((BAR_MAX * Math.min(100, Math.max(0, bar.value))) / 100));
        canvas.rect(BAR_X, y, w, BAR_H, SERIES[bar.series % SERIES.length]!);
        canvas.text(BAR_X + w + 8, y + (BAR_H - LINE_H) / 2, `${Math.round(bar.value)}%`, INK);
      }
      y += ROW_H;
    }
    if (section.bars.length === 0) y += ROW_H;
    canvas.rect(BAR_X, top - 4, 1, rows * ROW_H, INK);
    y += 12;
  }
  return PNG.sync.write(canvas.png);
}
