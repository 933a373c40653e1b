import { describe, expect, it } from 'vitest';
import { toActivity } from '../../../src/channels/teams/cards/activity.js';
import { renderCard } from '../../../src/channels/teams/cards/card.js';
import { actionInput } from '../../../src/channels/teams/cards/form.js';
import type { Form, Message } from '../../../src/core/messages.js';
import { actionsOf, cardProblems, cardText, walk } from './support/cards.js';

type Json = Record<string, unknown>;

const form: Form = {
  id: 'klus.post',
  value: 'draft-7',
  title: 'Klus plaatsen',
  submitLabel: 'Plaatsen',
  fields: [
    { id: 'title', label: 'Titel', kind: 'text', required: true, maxLength: 80, placeholder: 'Bijv. archief' },
    { id: 'description', label: 'Omschrijving', kind: 'textarea', required: false, initial: 'Wat ga je doen?' },
    { id: 'hours', label: 'Uren per week', kind: 'number', required: true, initial: '4' },
    { id: 'starts', label: 'Begint op', kind: 'date', required: false },
    { id: 'place', label: 'Plaats', kind: 'select', required: true, options: [{ value: 'ut', label: 'Utrecht' }, { value: 'zw', label: 'Zwolle' }] },
    { id: 'skills', label: 'Vaardigheden', kind: 'multiselect', required: false, options: [{ value: 'excel', label: 'Excel' }, { value: 'archief', label: 'Archief' }] },
  ],
};

const everything: Message = {
  text: 'Alles',
  blocks: [
    { type: 'header', text: 'Kop *met* [sterren](x)' },
    { type: 'text', text: 'Regel één\nRegel twee\n\nNieuwe alinea {{DATE(2027-01-01T00:00:00Z)}}' },
    { type: 'context', text: 'klein' },
    { type: 'fields', fields: [{ label: 'Wanneer', value: 'morgen' }] },
    { type: 'divider' },
    {
      type: 'item',
      title: 'Workshop',
      text: 'Over Excel',
      fields: [{ label: 'Waar', value: 'Online' }],
      buttons: [
        { action: 'workshop.signup', value: '{"w":"1"}', label: 'Aanmelden', style: 'primary' },
        { action: 'workshop.cancel', value: '{"w":"1"}', label: 'Afmelden', style: 'danger', confirm: { title: 'Afmelden?', text: 'Zeker?', yes: 'Ja', no: 'Nee' } },
        { action: 'link.calendar', value: '1', label: 'Agenda', url: 'https://example.org/a.ics' },
      ],
    },
    { type: 'image', url: 'https://example.org/p.png', alt: 'Plaatje' },
    { type: 'actions', buttons: [{ action: 'nav.help', value: '', label: 'Hulp' }] },
    { type: 'form', form },
  ],
};

/** What Teams does on submit: the action's data with every input's current value merged in (as strings). */
function submit(card: Json, values: Record<string, string>) {
  const execute = actionsOf(card, 'Action.Execute').find((a) => a.verb === form.id)!;
  const inputs: Record<string, string> = {};
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.')) inputs[n.id as string] = values[n.id as string] ?? String(n.value ?? '');
  });
  return actionInput(execute.verb as string, { ...(execute.data as Json), ...inputs });
}

describe('Adaptive Card rendering', () => {
  it('renders every block type as a valid 1.5 card', () => {
    const card = renderCard(everything, 'nl');
    expect(cardProblems(card)).toEqual([]);
    expect(card.version).toBe('1.5');
  });

  it('shows plain text as typed: no Markdown, no templates, one block per line', () => {
    const card = renderCard(everything, 'nl');
    const runs: string[] = [];
    walk(card, (n) => void (n.type === 'TextRun' && runs.push(n.text as string)));
    expect(runs).toContain('Kop *met* [sterren](x)');
    expect(runs).toContain('Nieuwe alinea {{DATE(2027-01-01T00:00:00Z)}}');
    expect(runs).toContain('Regel twee');
    expect(JSON.stringify(card)).not.toContain('"TextBlock"');
  });

  it('maps buttons: Execute with verb and value, OpenUrl for links, a confirming ShowCard for danger', () => {
    const card = renderCard(everything, 'nl');
    const signup = actionsOf(card).find((a) => a.title === 'Aanmelden')!;
    expect(signup).toMatchObject({ type: 'Action.Execute', verb: 'workshop.signup', data: { value: '{"w":"1"}' }, style: 'positive' });
    expect(actionsOf(card).find((a) => a.title === 'Agenda')).toMatchObject({ type: 'Action.OpenUrl', url: 'https://example.org/a.ics' });
    const cancel = actionsOf(card).find((a) => a.title === 'Afmelden')!;
    expect(cancel.type).toBe('Action.ShowCard');
    expect(cardText(cancel.card)).toContain('Zeker?');
    expect(actionsOf(cancel.card, 'Action.Execute')).toEqual([
      expect.objectContaining({ title: 'Ja', verb: 'workshop.cancel', data: { value: '{"w":"1"}' }, style: 'destructive' }),
    ]);
  });

  it('turns a divider into a separator on what follows', () => {
    const card = renderCard(everything, 'nl');
    const item = card.body.find((e) => e.type === 'Container')!;
    expect(item.separator).toBe(true);
  });

  it('renders a form as labelled inputs with required-field messages in the person’s language', () => {
    const nl = renderCard({ text: 'f', blocks: [{ type: 'form', form }] }, 'nl');
    const en = renderCard({ text: 'f', blocks: [{ type: 'form', form }] }, 'en');
    const kinds: string[] = [];
    walk(nl, (n) => void (typeof n.type === 'string' && n.type.startsWith('Input.') && kinds.push(n.type)));
    expect(kinds).toEqual(['Input.Text', 'Input.Text', 'Input.Number', 'Input.Date', 'Input.ChoiceSet', 'Input.ChoiceSet']);
    expect(cardText(nl)).toContain('Vul “Titel” in.');
    expect(cardText(en)).toContain('Please fill in “Titel”.');
    expect(cardProblems(nl)).toEqual([]);
  });

  it('gives a submitted form back to the core as the form id, its value and the field values', () => {
    const card = renderCard({ text: 'f', blocks: [{ type: 'form', form }] }, 'nl') as unknown as Json;
    const input = submit(card, { title: 'Archief', hours: '6', place: 'zw', skills: 'excel,archief', starts: '2027-02-01' });
    expect(input).toEqual({
      action: 'klus.post',
      value: 'draft-7',
      form: { title: 'Archief', description: 'Wat ga je doen?', hours: '6', starts: '2027-02-01', place: 'zw', skills: ['excel', 'archief'] },
    });
  });

  it('keeps a plain button’s input free of form values', () => {
    expect(actionInput('workshop.signup', { value: 'x' })).toEqual({ action: 'workshop.signup', value: 'x' });
  });

  it('refuses a form field whose id would collide with the card’s own data', () => {
    const bad: Form = { ...form, fields: [{ id: 'value', label: 'x', kind: 'text', required: false }] };
    expect(() => renderCard({ text: 'f', blocks: [{ type: 'form', form: bad }] }, 'nl')).toThrow(/reserved/);
  });

  it('sends one plain sentence as text, and anything richer as a card with the text as summary', () => {
    expect(toActivity({ text: 'Klaar.', blocks: [{ type: 'text', text: 'Klaar.' }] }, 'nl')).toEqual({
      type: 'message',
      text: 'Klaar.',
      textFormat: 'plain',
    });
    const rich = toActivity(everything, 'nl');
    expect(rich.text).toBeUndefined();
    expect(rich.summary).toBe('Alles');
    expect(rich.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });
});
