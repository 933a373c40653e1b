/**
 * Advance widths of a TrueType/OpenType font, read from its `cmap`, `hhea`, `hmtx` and `head` tables: all a chart
 * needs to know how wide a name will be, so it can wrap it instead of cutting it. (A full font library such as
 * opentype.js costs ~18 MB of memory for this; these tables are a few kilobytes.) No kerning: its effect on widths
 * is below the margin the layout keeps.
 */
export interface FontMetrics {
  /** Width of `text` at `size` px. */
  width(text: string, size: number): number;
}

export function readFontMetrics(font: Uint8Array): FontMetrics {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    tables.set(String.fromCharCode(...font.subarray(at, at + 4)), view.getUint32(at + 8));
  }
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`font has no ${tag} table`);
    return at;
  };
  const unitsPerEm = view.getUint16(table('head') + 18);
  const metrics = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advance = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, metrics - 1));
  const glyphOf = cmapReader(view, table('cmap'));
  const cache = new Map<number, number>();
  const units = (cp: number) => {
    let u = cache.get(cp);
    if (u === undefined) cache.set(cp, (u = advance(glyphOf(cp))));
    return u;
  };
  return {
    width(text, size) {
      let total = 0;
      for (const ch of text) total += units(ch.codePointAt(0)!);
      return (total * size) / unitsPerEm;
    },
  };
}

/** Code point → glyph index from the Unicode cmap subtable (format 12 preferred, else format 4); 0 = missing. */
function cmapReader(view: DataView, cmap: number): (cp: number) => number {
  const n = view.getUint16(cmap + 2);
  let format4 = -1;
  for (let i = 0; i < n; i++) {
    const platform = view.getUint16(cmap + 4 + i * 8);
    const encoding = view.getUint16(cmap + 6 + i * 8);
    const at = cmap + view.getUint32(cmap + 8 + i * 8);
    const format = view.getUint16(at);
    if (format === 12 && (platform === 0 || (platform === 3 && encoding === 10))) return format12(view, at);
    if (format === 4 && (platform === 0 || (platform === 3 && encoding === 1))) format4 = at;
  }
  if (format4 < 0) throw new Error('font has no Unicode cmap');
  return format4Reader(view, format4);
}

function format12(view: DataView, at: number) {
  const groups = view.getUint32(at + 12);
  return (cp: number) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = at + 16 + mid * 12;
      if (cp < view.getUint32(g)) hi = mid - 1;
      else if (cp > view.getUint32(g + 4)) lo = mid + 1;
      else return view.getUint32(g + 8) + cp - view.getUint32(g);
    }
    return 0;
  };
}

function format4Reader(view: DataView, at: number) {
  const segs = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const offsets = deltas + segs * 2;
  return (cp: number) => {
    if (cp > 0xffff) return 0;
    for (let i = 0; i < segs; i++) {
      if (cp > view.getUint16(ends + i * 2)) continue;
      const start = view.getUint16(starts + i * 2);
      if (cp < start) return 0;
      const delta = view.getInt16(deltas + i * 2);
      const offset = view.getUint16(offsets + i * 2);
      if (offset === 0) return (cp + delta) & 0xffff;
      const glyph = view.getUint16(offsets + i * 2 + offset + (cp - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
