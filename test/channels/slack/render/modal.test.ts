import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fieldValue } from '../../../../src/channels/slack/listeners/views/form-submitted.js';
import { decodeForm, encodeForm } from '../../../../src/channels/slack/render/form-value.js';
import { LIMITS } from '../../../../src/channels/slack/render/limits.js';
import { renderMessage } from '../../../../src/channels/slack/render/message.js';
import { formModal } from '../../../../src/channels/slack/render/modal.js';
import type { Form } from '../../../../src/core/messages.js';
import { buttonsIn } from '../support/slack-requests.js';

const klusForm: Form = {
  id: 'klus.post',
  value: 'org-1',
  title: 'Een klus plaatsen in de Klussenbank',
  submitLabel: 'Plaatsen en iedereen laten weten',
  fields: [
    { id: 'title', label: 'Titel', kind: 'text', required: true, maxLength: 120, initial: 'Bomen tellen' },
    { id: 'description', label: 'Wat ga je doen?', kind: 'textarea', required: true },
    { id: 'hours', label: 'Uren per week', kind: 'number', required: false, initial: '4' },
    { id: 'starts', label: 'Vanaf', kind: 'date', required: false, initial: '2027-04-01' },
    { id: 'org', label: 'Organisatie', kind: 'select', required: true, options: Array.from({ length: 120 }, (_, i) => ({ value: `o${i}`, label: `Gemeente ${'x'.repeat(90)} ${i}` })), initial: 'o3' },
    { id: 'skills', label: 'Vaardigheden', kind: 'multiselect', required: false, options: [{ value: 'excel', label: 'Excel' }, { value: 'x'.repeat(200), label: 'te lange waarde' }], initial: 'excel' },
  ],
};

describe('forms', () => {
  it('render as one button that carries the form, which comes back intact', () => {
    const [m] = renderMessage({ text: 'Klus', blocks: [{ type: 'form', form: klusForm }] }, 'nl');
    const [button] = buttonsIn(m!.blocks);
    expect(button!.action_id).toBe('form.open');
    expect(button!.value!.length).toBeLessThanOrEqual(LIMITS.buttonValue);
    expect(decodeForm(button!.value!)).toEqual(klusForm);
  });

  it('refuse values they did not make', () => {
    expect(decodeForm('{"id":"x"}')).toBeNull();
    expect(decodeForm('z1.!!!')).toBeNull();
    expect(decodeForm(`z1.${deflateRawSync(Buffer.from('{"id":1}')).toString('base64url')}`)).toBeNull();
  });

  it('that do not fit in a button show a note instead of failing', () => {
    const huge: Form = { ...klusForm, fields: Array.from({ length: 60 }, (_, i) => ({ id: `f${i}-${Math.random()}`, label: `Vraag ${i} ${Math.random()}`, kind: 'text' as const, required: false })) };
    expect(encodeForm(huge)).toBeNull();
    const [m] = renderMessage({ text: 'Klus', blocks: [{ type: 'form', form: huge }] }, 'en');
    expect(buttonsIn(m!.blocks)).toEqual([]);
    expect(JSON.stringify(m)).toContain('I cannot show this form here');
  });

  it('open as a modal within Slack’s limits', () => {
    const view = formModal(klusForm, { form: klusForm.id, value: 'org-1', channel: 'DU1' }, 'nl')!;
    expect(view.title.text.length).toBeLessThanOrEqual(LIMITS.modalTitle);
    expect(view.submit!.text.length).toBeLessThanOrEqual(LIMITS.modalButton);
    expect(view.close!.text).toBe('Annuleren');
    expect(JSON.parse(view.private_metadata!)).toEqual({ form: 'klus.post', value: 'org-1', channel: 'DU1' });
    type Input = { element: { options: { text: { text: string }; value: string }[]; initial_option: { value: string }; initial_options: unknown[] } };
    const [title, description, hours, starts, org, skills] = view.blocks as unknown as Input[];
    expect(title).toMatchObject({ block_id: 'title', optional: false, element: { type: 'plain_text_input', max_length: 120, initial_value: 'Bomen tellen' } });
    expect(description!.element).toMatchObject({ type: 'plain_text_input', multiline: true, max_length: LIMITS.textInputMax });
    expect(hours).toMatchObject({ optional: true, element: { type: 'number_input', initial_value: '4' } });
    expect(starts!.element).toMatchObject({ type: 'datepicker', initial_date: '2027-04-01' });
    expect(org!.element.options).toHaveLength(LIMITS.selectOptions);
    for (const o of org!.element.options) expect(o.text.text.length).toBeLessThanOrEqual(LIMITS.optionText);
    expect(org!.element.initial_option.value).toBe('o3');
    expect(skills!.element.options.map((o) => o.value)).toEqual(['excel']);
    expect(skills!.element.initial_options).toHaveLength(1);
  });

  it('that cannot remember their value in the modal are not opened', () => {
    expect(formModal(klusForm, { form: 'x', value: 'v'.repeat(LIMITS.privateMetadata) }, 'en')).toBeNull();
  });

  it('submit each kind of field as the core expects it', () => {
    expect(fieldValue({ value: 'Bomen' })).toBe('Bomen');
    expect(fieldValue({ value: null })).toBe('');
    expect(fieldValue({ selected_date: '2027-04-01' })).toBe('2027-04-01');
    expect(fieldValue({ selected_option: { value: 'o3' } })).toBe('o3');
    expect(fieldValue({ selected_options: [{ value: 'a' }, { value: 'b' }] })).toEqual(['a', 'b']);
  });
});
