import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderBarChart, renderBarChartSvg } from '../../src/charts/bar-chart.js';
import { CHART_WIDTH } from '../../src/charts/bar-chart-svg.js';
import { measureText } from '../../src/charts/fonts.js';
import { chartAlt, type BarChart } from '../../src/core/nudges/chart.js';

const LONG = 'Openbare ruimte en buitendienst, afdeling Noord-Oost (wijkteams, groenbeheer en reiniging)';

const chart = (locale: 'nl' | 'en' = 'nl'): BarChart => ({
  title: locale === 'nl' ? 'Meedoen in de laatste 4 weken' : 'Taking part in the last 4 weeks',
  locale,
  hiddenLabel: locale === 'nl' ? 'minder dan 5' : 'fewer than 5',
  sections: [
    {
      title: 'Per afdeling: % actief',
      bars: [
        { label: 'Financiën', value: 12.5, series: 0 },
        { label: LONG, value: 50, series: 0 },
        { label: 'Post', value: null, series: 0 },
        { label: 'Groen', value: null, series: 0, hiddenLabel: 'verborgen' },
        { label: 'R&D <team>', value: 100, series: 0 },
      ],
    },
    { title: 'Campagnes A en B: % geklikt', bars: [{ label: 'voorjaar A', value: 33.3, series: 0 }, { label: 'voorjaar B', value: 41.7, series: 1 }] },
  ],
});

const unxml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Every drawn text of the SVG with its font size and left edge (ECharts writes `translate(x y)` and a style). */
function texts(svg: string) {
  return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map(([, attrs, body]) => ({
    text: unxml(body!),
    size: Number(/font-size:(\d+(?:\.\d+)?)px/.exec(attrs!)?.[1]),
    bold: /font-weight:(bold|600)/.test(attrs!),
    x: Number(/translate\(([\d.]+)/.exec(attrs!)?.[1] ?? 0),
    anchor: /text-anchor="(\w+)"/.exec(attrs!)?.[1] ?? 'start',
  }));
}

describe('report chart', () => {
  it('draws names with accents and lower case, whole, values on the axis and at the bars, in Dutch number format', async () => {
    const svg = await renderBarChartSvg(chart());
    const drawn = texts(svg);
    const all = drawn.map((t) => t.text);
    expect(all).toContain('Financiën');
    expect(all).toContain('R&D <team>');
    // The long name is wrapped onto lines, every word kept, none cut or ellipsed.
    const words = LONG.split(' ');
    const lines = drawn.filter((t) => !t.bold && t.size === 16 && words.some((w) => t.text.split(' ').includes(w)));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((l) => l.text).join(' ')).toBe(LONG);
    expect(all.join(' ')).not.toMatch(/…|\.\.\./);
    for (const t of drawn.filter((d) => d.anchor === 'start')) {
      const width = measureText(t.text, `${t.bold ? '600' : 'normal'} ${t.size}px Inter`);
      expect(t.x + width, t.text).toBeLessThanOrEqual(CHART_WIDTH);
    }
    // Values on the axis of each section, and at the end of each bar: Dutch decimal commas.
    for (const tick of ['0%', '25%', '50%', '75%', '100%']) expect(all.filter((t) => t === tick).length, tick).toBeGreaterThanOrEqual(2);
    expect(all).toEqual(expect.arrayContaining(['12,5%', '50%', '33,3%', '41,7%']));
    // Suppressed groups: a word, never a figure.
    expect(all).toEqual(expect.arrayContaining(['minder dan 5', 'verborgen']));
    expect(svg).toMatch(/^<svg role="img" aria-label="Per afdeling: % actief: Financiën 12,5%; /);
  });

  it('keeps decimal points for an English reader', async () => {
    const all = texts(await renderBarChartSvg(chart('en'))).map((t) => t.text);
    expect(all).toEqual(expect.arrayContaining(['12.5%', '33.3%', 'fewer than 5']));
    expect(all).not.toContain('12,5%');
  });

  it('gives the alt text in Dutch with Dutch numbers', () => {
    expect(chartAlt(chart())).toBe(
      `Per afdeling: % actief: Financiën 12,5%; ${LONG} 50%; Post minder dan 5; Groen verborgen; R&D <team> 100%. Campagnes A en B: % geklikt: voorjaar A 33,3%; voorjaar B 41,7%`,
    );
  });

  it('draws the same chart as a PNG with the text in it (the font loads without system fonts)', async () => {
    const svg = await renderBarChartSvg(chart());
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    const png = PNG.sync.read(await renderBarChart(chart()));
    expect(png.width).toBe(CHART_WIDTH * 2);
    expect(png.height).toBe(height * 2);
    const at = (x: number, y: number) => [...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3)];
    const dark = (x: number, y: number) => at(x, y).every((c) => c < 90);
    // The first bar (Financiën): find its top, then look for ink (the name's letters) in the band above it.
    const x = 40;
    let top = 0;
    while (top < png.height && !(at(x, top)[2]! > 150 && at(x, top)[0]! < 60)) top++;
    expect(top).toBeLessThan(png.height);
    let ink = 0;
    for (let y = top - 50; y < top - 4; y++) for (let xx = 32; xx < 300; xx++) if (dark(xx, y)) ink++;
    expect(ink).toBeGreaterThan(150);
    // And the title: ink in the top band, none in the margin left of it.
    let title = 0;
    for (let y = 30; y < 80; y++) for (let xx = 32; xx < 500; xx++) if (dark(xx, y)) title++;
    expect(title).toBeGreaterThan(300);
    for (let y = 0; y < png.height; y += 7) expect(dark(4, y)).toBe(false);
  });
});

describe('chart libraries load on the first chart only', () => {
  it('no module imports ECharts or resvg statically, so the bot starts without them', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const files = (await readdir('src', { recursive: true })).filter((f) => f.endsWith('.ts') && !f.startsWith('generated'));
    const offenders: string[] = [];
    for (const f of files) {
      const src = await readFile(`src/${f}`, 'utf8');
      if (/^import\s+(?!type\b)[^;]*from\s+'(echarts[^']*|@resvg\/resvg-js)'/m.test(src)) offenders.push(f);
    }
    expect(offenders).toEqual([]);
  });
});
