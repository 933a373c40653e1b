import { measureText } from './fonts.js';

type ECharts = typeof import('echarts/core');

let loading: Promise<ECharts> | undefined;

/**
 * Apache ECharts with only what a bar chart needs (bars, grid, titles, the SVG renderer), loaded on the first
 * chart: it costs ~35 MB of memory, which a bot that never draws a report should not pay. Text is measured with
 * the font the PNG is drawn in, so ECharts lays out names and axis labels as they will be seen.
 */
export function loadEcharts(): Promise<ECharts> {
  loading ??= (async () => {
    const [echarts, { BarChart }, { GridComponent, TitleComponent }, { SVGRenderer }] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
    ]);
    echarts.use([BarChart, GridComponent, TitleComponent, SVGRenderer]);
    echarts.setPlatformAPI({ measureText: (text: string, font?: string) => ({ width: measureText(text, font ?? '') }) });
    return echarts;
  })();
  return loading;
}
