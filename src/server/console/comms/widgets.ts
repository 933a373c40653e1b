import type { PlainLanguageCheck } from '../../../core/language/plain-language.js';
import { html, type Html } from '../html.js';
import type { CommsTranslate } from './texts.js';

export type Values = Record<string, string | string[]>;

export const valueOf = (v: Values, name: string) => {
  const x = v[name];
  return Array.isArray(x) ? x.join(', ') : (x ?? '');
};
const chosen = (v: Values, name: string) => {
  const x = v[name];
  return (Array.isArray(x) ? x : (x ?? '').split(',')).map((s) => s.trim().toLowerCase()).filter(Boolean);
};

export interface FieldOpts {
  hint?: string;
  error?: string;
  required?: boolean;
  maxLength?: number;
  type?: 'text' | 'email' | 'url' | 'number';
  /** Marks a text for the live plain-language check (static JS) in this language. */
  check?: 'nl' | 'en';
  rows?: number;
}

const describedBy = (id: string, o: FieldOpts) => [o.hint ? `${id}-hint` : '', o.error ? `${id}-error` : ''].filter(Boolean).join(' ') || null;

function around(id: string, label: string, o: FieldOpts, control: Html): Html {
  return html`<div class="field${o.error ? ' field-error' : ''}">
  <label for="${id}">${label}${o.required ? html` <span aria-hidden="true">*</span>` : ''}</label>
  ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
  ${o.error ? html`<p class="error" id="${id}-error">${o.error}</p>` : ''}
  ${control}
</div>`;
}

/** A text input, labelled, with its hint and its mistake tied to it for screen readers. */
export function textField(v: Values, name: string, label: string, o: FieldOpts = {}): Html {
  const id = `f-${name}`;
  const d = describedBy(id, o);
  return around(id, label, o, html`<input id="${id}" name="${name}" type="${o.type ?? 'text'}" value="${valueOf(v, name)}"${o.required ? html` required` : ''}${
    o.maxLength ? html` maxlength="${o.maxLength}"` : ''}${d ? html` aria-describedby="${d}"` : ''}${o.error ? html` aria-invalid="true"` : ''}${
    o.check ? html` data-check="${o.check}"` : ''}>`);
}

export function textArea(v: Values, name: string, label: string, o: FieldOpts = {}): Html {
  const id = `f-${name}`;
  const d = describedBy(id, o);
  return around(id, label, o, html`<textarea id="${id}" name="${name}" rows="${o.rows ?? 5}"${o.required ? html` required` : ''}${
    o.maxLength ? html` maxlength="${o.maxLength}"` : ''}${d ? html` aria-describedby="${d}"` : ''}${o.error ? html` aria-invalid="true"` : ''}${
    o.check ? html` data-check="${o.check}"` : ''}>${valueOf(v, name)}</textarea>`);
}

/** Checkboxes in a fieldset: works without JS, with the keyboard, and on a phone. */
export function checkboxes(v: Values, name: string, legend: string, options: { value: string; label: string }[], o: { hint?: string; error?: string } = {}): Html {
  const on = new Set(chosen(v, name));
  const id = `f-${name}`;
  return html`<fieldset class="choices${o.error ? ' field-error' : ''}" id="${id}"${o.hint ? html` aria-describedby="${id}-hint"` : ''}>
  <legend>${legend}</legend>
  ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
  ${o.error ? html`<p class="error">${o.error}</p>` : ''}
  ${options.map((opt, i) => html`<div class="choice"><input type="checkbox" id="${id}-${i}" name="${name}" value="${opt.value}"${on.has(opt.value.toLowerCase()) ? html` checked` : ''}><label for="${id}-${i}">${opt.label}</label></div>`)}
</fieldset>`;
}

export function select(v: Values, name: string, label: string, options: { value: string; label: string }[]): Html {
  const current = valueOf(v, name);
  return html`<div class="field"><label for="f-${name}">${label}</label><select id="f-${name}" name="${name}">${options.map(
    (o) => html`<option value="${o.value}"${o.value === current ? html` selected` : ''}>${o.label}</option>`,
  )}</select></div>`;
}

/** Every mistake at once, at the top, each a link to its field where the field is known. Focus goes here (JS). */
export function errorSummary(t: CommsTranslate, problems: { field?: string; message: string }[]): Html {
  if (!problems.length) return html``;
  return html`<div class="problems" role="alert" tabindex="-1" id="problems">
  <h2>${t('b.errors_title', { count: problems.length })}</h2>
  <ul>${problems.map((p) => html`<li>${p.field && p.field !== 'form' ? html`<a href="#f-${p.field}">${p.message}</a>` : p.message}</li>`)}</ul>
</div>`;
}

/** The plain-language check of one text: a score, the long sentences and the long words; or why nothing was checked. */
export function languagePanel(t: CommsTranslate, c: PlainLanguageCheck | null, forField?: string): Html {
  const id = forField ? `lc-${forField}` : 'lc';
  if (!c) return html`<div class="language-check" id="${id}" aria-live="polite"></div>`;
  if (!c.rules) return html`<div class="language-check" id="${id}" aria-live="polite"><p>${t('l.no_rules_en')}</p></div>`;
  const ok = c.longSentences.length === 0 && c.longWords.length === 0 && !c.manyLongWords;
  return html`<div class="language-check${ok ? ' language-check--ok' : ''}" id="${id}" aria-live="polite">
  <p><strong>${t('l.score', { score: c.score })}</strong>${ok ? html` — ${t('l.ok')}` : ''}</p>
  ${c.longSentences.length ? html`<p>${t('l.long_sentences', { max: c.limits.maxWordsPerSentence })}</p><ul>${c.longSentences.map((s) => html`<li>“${s.text}” (${t('l.sentence_words', { count: s.words })})</li>`)}</ul>` : ''}
  ${c.longWords.length ? html`<p>${t('l.long_words')}</p><ul class="words">${c.longWords.map((w) => html`<li>${w}</li>`)}</ul>` : ''}
  ${c.manyLongWords ? html`<p>${t('l.many_long', { long: c.manyLongWords.long, total: c.manyLongWords.total })}</p>` : ''}
</div>`;
}
