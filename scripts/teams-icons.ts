/**
 * Draws the Teams app icons (a flywheel: rim, six spokes, hub) into manifests/teams/:
 *   color.png   192×192, white wheel on the accent colour, fully opaque
 *   outline.png 32×32, white wheel on transparency (Teams allows only white and transparent there)
 * Run: node --import tsx scripts/teams-icons.ts. The manifest test checks the committed files match this output.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';

export const ACCENT = { r: 0x0f, g: 0x6e, b: 0x5c };
const SAMPLES = 4;

interface Wheel {
  outer: number;
  inner: number;
  hub: number;
  spokeHalfWidth: number;
}

/** True when the point (relative to the centre, in pixels) is part of the wheel. */
function onWheel(x: number, y: number, w: Wheel): boolean {
  const r = Math.hypot(x, y);
  if (r <= w.outer && r >= w.inner) return true;
  if (r <= w.hub) return true;
  if (r > w.inner) return false;
  for (let k = 0; k < 6; k++) {
    const a = (k * Math.PI) / 3 + Math.PI / 6;
    // Distance from the spoke's centre line, only on the outward side.
    const along = x * Math.cos(a) + y * Math.sin(a);
    const across = Math.abs(-x * Math.sin(a) + y * Math.cos(a));
    if (along > 0 && across <= w.spokeHalfWidth) return true;
  }
  return false;
}

/** Fraction of the pixel covered by the wheel, by 4×4 supersampling (smooth edges). */
function coverage(px: number, py: number, size: number, w: Wheel): number {
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy++)
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES - size / 2;
      const y = py + (sy + 0.5) / SAMPLES - size / 2;
      if (onWheel(x, y, w)) hits++;
    }
  return hits / (SAMPLES * SAMPLES);
}

function draw(size: number, w: Wheel, background: typeof ACCENT | null): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, size, w);
      const i = (y * size + x) * 4;
      if (background) {
        png.data[i] = Math.round(background.r + (255 - background.r) * c);
        png.data[i + 1] = Math.round(background.g + (255 - background.g) * c);
        png.data[i + 2] = Math.round(background.b + (255 - background.b) * c);
        png.data[i + 3] = 255;
      } else {
        png.data[i] = png.data[i + 1] = png.data[i + 2] = 255;
        png.data[i + 3] = Math.round(255 * c);
      }
    }
  return PNG.sync.write(png, { colorType: 6 });
}

export function renderIcons(): { color: Buffer; outline: Buffer } {
  return {
    color: draw(192, { outer: 66, inner: 52, hub: 16, spokeHalfWidth: 5 }, ACCENT),
    outline: draw(32, { outer: 14, inner: 11, hub: 3.5, spokeHalfWidth: 1.1 }, null),
  };
}

export const ICON_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../manifests/teams');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { color, outline } = renderIcons();
  await writeFile(path.join(ICON_DIR, 'color.png'), color);
  await writeFile(path.join(ICON_DIR, 'outline.png'), outline);
  process.stdout.write(`wrote ${path.join(ICON_DIR, 'color.png')} and outline.png\n`);
}
