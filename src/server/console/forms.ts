import { html, type Html } from './html.js';
import type { PageContext } from './page.js';

/**
 * Form helpers: every POST form carries the session's CSRF token; fields show what was typed and their own
 * mistake (linked with aria-describedby), and the summary at the top names every mistake at once.
 */
export const csrfField = (ctx: PageContext) => html`<input type="hidden" name="csrf" value="${ctx.session.csrf}">`;

export function postForm(ctx: PageContext, action: string, body: Html | Html[], opts: { multipart?: boolean; className?: string } = {}) {
  return html`<form method="post" action="${action}"${opts.multipart ? html` enctype="multipart/form-data"` : ''} class="${opts.className ?? 'form'}">${csrfField(ctx)}${body}</form>`;
}

export interface FieldSpec {
  name: string;
  label: string;
  value?: string;
  type?: 'text' | 'number' | 'textarea' | 'file' | 'email' | 'select';
  /** For `select`: the choices; `value` picks the selected one. */
  options?: { value: string; label: string }[];
  required?: boolean;
  hint?: string;
  error?: string;
  autocomplete?: string;
}

export function field(f: FieldSpec): Html {
  const id = `f-${f.name}`;
  const described = [f.hint ? `${id}-hint` : '', f.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = html` id="${id}" name="${f.name}"${f.required ? html` required aria-required="true"` : ''}${f.error ? html` aria-invalid="true"` : ''}${described ? html` aria-describedby="${described}"` : ''}`;
  const control =
    f.type === 'textarea'
      ? html`<textarea${common} rows="4">${f.value ?? ''}</textarea>`
      : f.type === 'select'
        ? html`<select${common}>${(f.options ?? []).map((o) => html`<option value="${o.value}"${o.value === (f.value ?? '') ? html` selected` : ''}>${o.label}</option>`)}</select>`
      : f.type === 'file'
        ? html`<input type="file" accept=".csv,text/csv"${common}>`
        : html`<input type="${f.type ?? 'text'}" value="${f.value ?? ''}"${common}${f.autocomplete ? html` autocomplete="${f.autocomplete}"` : html` autocomplete="off"`}>`;
  return html`<div class="field${f.error ? ' field-error' : ''}">
<label for="${id}">${f.label}</label>
${f.hint ? html`<p class="hint" id="${id}-hint">${f.hint}</p>` : ''}
${f.error ? html`<p class="error" id="${id}-error">${f.error}</p>` : ''}
${control}
</div>`;
}

/** The list of every mistake, focused by console.js so a screen reader hears it first. */
export function problems(ctx: PageContext, list: string[]): Html | '' {
  if (list.length === 0) return '';
  return html`<div class="problems" role="alert" tabindex="-1" id="problems"><h2>${ctx.t('form.problems')}</h2><ul>${list.map((p) => html`<li>${p}</li>`)}</ul></div>`;
}

export const submit = (label: string, kind: 'primary' | 'secondary' | 'danger' = 'primary') =>
  html`<button type="submit" class="button ${kind}">${label}</button>`;
