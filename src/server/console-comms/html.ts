/** Escapes text for HTML element content and attribute values (quoted). */
export const esc = (s: string | number | null | undefined) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Text with its line breaks kept, escaped. */
export const lines = (s: string) => esc(s).replace(/\n/g, '<br>');

/** A tagged template that escapes every value unless it is already `Html` (made by `html` or `raw`). */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

export const raw = (s: string) => new Html(s);

type Part = Html | string | number | null | undefined | false | Html[];

const part = (v: Part): string => (v instanceof Html ? v.value : Array.isArray(v) ? v.map(part).join('') : v === false || v == null ? '' : esc(v));

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]) : ''), ''));
}
