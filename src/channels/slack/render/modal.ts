import type { types } from '@slack/bolt';
import type { Form, FormField, Locale } from '../../../core/messages.js';
import { t } from '../../../core/i18n/index.js';
import { FORM_CALLBACK } from './action-ids.js';
import { LIMITS } from './limits.js';
import { clip, escapeText, plain } from './text.js';

/** What a form's modal remembers until it is submitted: the form, its value, and where to answer. */
export interface FormMeta {
  form: string;
  value?: string;
  /** Channel of the message the form came from (replies go there; else the person's DM). */
  channel?: string;
}

export const FIELD_ACTION = 'value';

const option = (o: { value: string; label: string }): types.PlainTextOption => ({
  text: plain(o.label, LIMITS.optionText),
  value: o.value,
});

const isDate = (s: string | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

function element(f: FormField): types.InputBlockElement {
  const options = (f.options ?? []).filter((o) => o.value.length > 0 && o.value.length <= LIMITS.optionValue);
  const placeholder = f.placeholder ? { placeholder: plain(f.placeholder, LIMITS.placeholder) } : {};
  if ((f.kind === 'select' || f.kind === 'multiselect') && options.length > 0) {
    const opts = options.slice(0, LIMITS.selectOptions).map(option);
    if (f.kind === 'select') {
      const initial = opts.find((o) => o.value === f.initial);
      return { type: 'static_select', action_id: FIELD_ACTION, options: opts, ...placeholder, ...(initial ? { initial_option: initial } : {}) };
    }
    const wanted = new Set((f.initial ?? '').split(',').map((s) => s.trim()));
    const initial = opts.filter((o) => wanted.has(o.value ?? ''));
    return { type: 'multi_static_select', action_id: FIELD_ACTION, options: opts, ...placeholder, ...(initial.length ? { initial_options: initial } : {}) };
  }
  if (f.kind === 'date') {
    return { type: 'datepicker', action_id: FIELD_ACTION, ...placeholder, ...(isDate(f.initial) ? { initial_date: f.initial } : {}) };
  }
  if (f.kind === 'number') {
    const initial = f.initial !== undefined && f.initial !== '' && Number.isFinite(Number(f.initial)) ? { initial_value: f.initial } : {};
    return { type: 'number_input', action_id: FIELD_ACTION, is_decimal_allowed: true, ...placeholder, ...initial };
  }
  const max = Math.min(f.maxLength ?? LIMITS.textInputMax, LIMITS.textInputMax);
  return {
    type: 'plain_text_input',
    action_id: FIELD_ACTION,
    multiline: f.kind === 'textarea',
    max_length: max,
    ...placeholder,
    ...(f.initial ? { initial_value: f.initial.slice(0, max) } : {}),
  };
}

/** A form as a modal; null when what must be remembered does not fit Slack's private_metadata. */
export function formModal(form: Form, meta: FormMeta, locale: Locale): types.ModalView | null {
  const metadata = JSON.stringify(meta);
  if (metadata.length > LIMITS.privateMetadata) return null;
  const blocks: types.InputBlock[] = form.fields.slice(0, LIMITS.viewBlocks).map((f) => ({
    type: 'input',
    block_id: f.id.slice(0, 255),
    optional: !f.required,
    label: plain(f.label, LIMITS.inputLabel),
    element: element(f),
  }));
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    private_metadata: metadata,
    title: plain(form.title, LIMITS.modalTitle),
    submit: plain(form.submitLabel, LIMITS.modalButton),
    close: { type: 'plain_text', text: clip(escapeText(t(locale, 'common.cancel')), LIMITS.modalButton) },
    blocks,
  };
}
