import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFontMetrics, type FontMetrics } from './font-metrics.js';

/**
 * The charts' typeface: Inter (SIL Open Font License), shipped as TTF by the npm package @expo-google-fonts/inter,
 * so a clean machine renders the same letters offline (accents and lower case: "Financiën") without system fonts.
 * The SVG names `Inter` first and falls back to the browser's sans-serif (Segoe UI in Teams).
 */
// Single quotes: ECharts writes this into a double-quoted style attribute.
export const FONT_FAMILY = "Inter, 'Segoe UI', sans-serif";

const require = createRequire(import.meta.url);
export const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
  semibold: require.resolve('@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf'),
};

let metrics: { regular: FontMetrics; semibold: FontMetrics } | undefined;

/** Width of `text` as a CSS font shorthand ("bold 17px Inter") will draw it; read from the font files on first use. */
export function measureText(text: string, font: string): number {
  metrics ??= { regular: readFontMetrics(readFileSync(FONT_FILES.regular)), semibold: readFontMetrics(readFileSync(FONT_FILES.semibold)) };
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
  const bold = /\b(bold|bolder|[6-9]00)\b/.test(font);
  return (bold ? metrics.semibold : metrics.regular).width(text, size);
}
