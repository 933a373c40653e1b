import type { ActionInput } from '../../../core/feature.js';
import type { Translate } from '../../../core/i18n/index.js';
import type { Form, FormField } from '../../../core/messages.js';
import type { CardElement } from './card-element.js';

/**
 * Keys of an Action.Execute `data` object that are ours. Teams merges the card's input values into the same
 * object, so a form field may not use one of these ids.
 */
const VALUE = 'value';
const MULTI = '_multi';
export const RESERVED_DATA_KEYS: readonly string[] = [VALUE, MULTI, 'msteams', 'verb'];

/** Above this many fields a card form shows the first ones and folds the rest behind "Meer invullen". */
const SHOWN_FIELDS = 5;
/** A label longer than this (a whole question) is not repeated in the error under its input. */
const SHORT_LABEL = 40;

function input(field: FormField, tr: Translate, shown: ReadonlySet<string>): CardElement {
  if (RESERVED_DATA_KEYS.includes(field.id)) throw new Error(`form field id "${field.id}" is reserved in Teams cards`);
  // The card already shows the question above the form: the input is labelled "Je antwoord", not the question again.
  const label = shown.has(field.label) ? tr('teams.your_answer') : field.label;
  const common = {
    id: field.id,
    label,
    isRequired: field.required,
    ...(field.required ? { errorMessage: label.length > SHORT_LABEL ? tr('teams.required_short') : tr('teams.required', { field: label }) } : {}),
  };
  const placeholder = field.placeholder ? { placeholder: field.placeholder } : {};
  const initial = field.initial !== undefined && field.initial !== '' ? { value: field.initial } : {};
  switch (field.kind) {
    case 'text':
    case 'textarea':
      return {
        type: 'Input.Text',
        ...common,
        ...placeholder,
        ...initial,
        ...(field.kind === 'textarea' ? { isMultiline: true } : {}),
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
      };
    case 'number': {
      const n = Number(field.initial);
      return { type: 'Input.Number', ...common, ...placeholder, ...(field.initial && Number.isFinite(n) ? { value: n } : {}) };
    }
    case 'date':
      return { type: 'Input.Date', ...common, ...initial };
    case 'select':
    case 'multiselect':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        ...placeholder,
        ...initial,
        style: 'compact',
        ...(field.kind === 'multiselect' ? { isMultiSelect: true } : {}),
        choices: (field.options ?? []).map((o) => ({ title: o.label, value: o.value })),
      };
  }
}

/** A neutral form as card inputs plus one Action.Execute whose verb is the form id. */
export function formElement(form: Form, tr: Translate, shown: ReadonlySet<string> = new Set()): CardElement {
  const multi = form.fields.filter((f) => f.kind === 'multiselect').map((f) => f.id);
  // A long form fits a phone: required and filled-in fields, up to five, show; the rest fold open on request.
  const open = (f: FormField, i: number) => f.required || (f.initial ?? '') !== '' || i < SHOWN_FIELDS;
  const first = form.fields.filter((f, i) => form.fields.length <= SHOWN_FIELDS + 1 || open(f, i));
  const rest = form.fields.filter((f) => !first.includes(f));
  const more = `${form.id}.more`.replace(/[^A-Za-z0-9_.-]/g, '-');
  return {
    type: 'Container',
    separator: true,
    items: [
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: form.title, weight: 'Bolder' }] },
      ...first.map((f) => input(f, tr, shown)),
      ...(rest.length
        ? [
            { type: 'ActionSet', actions: [{ type: 'Action.ToggleVisibility', title: tr('teams.more_fields', { count: rest.length }), targetElements: [more] }] },
            { type: 'Container', id: more, isVisible: false, items: rest.map((f) => input(f, tr, shown)) },
          ]
        : []),
      {
        type: 'ActionSet',
        actions: [
          {
            type: 'Action.Execute',
            title: form.submitLabel,
            verb: form.id,
            // Teams submits a multi-select as "a,b": the card remembers which fields to split again.
            data: { [VALUE]: form.value ?? '', ...(multi.length ? { [MULTI]: multi } : {}) },
            associatedInputs: 'auto',
            style: 'positive',
          },
        ],
      },
    ],
  };
}

const asText = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : String(v));

/** What an Action.Execute (or a legacy Action.Submit) carried, as the core's action input. */
export function actionInput(verb: string, data: unknown): ActionInput {
  const d = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const multi = new Set(Array.isArray(d[MULTI]) ? (d[MULTI] as unknown[]).map(asText) : []);
  const entries = Object.entries(d).filter(([k]) => !RESERVED_DATA_KEYS.includes(k));
  const result: ActionInput = { action: verb, value: asText(d[VALUE]) };
  if (entries.length > 0) {
    result.form = Object.fromEntries(
      entries.map(([k, v]) => {
        const text = asText(v);
        return [k, multi.has(k) ? text.split(',').map((s) => s.trim()).filter(Boolean) : text];
      }),
    );
  }
  return result;
}
