import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/chat/parse-command.js';

describe('parseCommand', () => {
  it.each([
    ['help', { name: 'help' }],
    ['HULP', { name: 'help' }],
    ['workshops', { name: 'workshops', args: '' }],
    ['Workshops stress dinsdag', { name: 'workshops', args: 'stress dinsdag' }],
    ['mijn', { name: 'my' }],
    ['my', { name: 'my' }],
    ['mijn gegevens', { name: 'my-data' }],
    ['My Data', { name: 'my-data' }],
    ['mijn dossier', { name: 'dossier' }],
    ['klussen excel', { name: 'klussen', args: 'excel' }],
    ['jobs', { name: 'klussen', args: '' }],
    ['klus plaatsen', { name: 'post-klus' }],
    ['post job', { name: 'post-klus' }],
    ['reflectie', { name: 'reflect' }],
    ['pauze', { name: 'pause' }],
    ['pause', { name: 'pause' }],
    ['start', { name: 'resume' }],
    ['omroep', { name: 'broadcast' }],
    ['broadcast', { name: 'broadcast' }],
    ['<@U123> help', { name: 'help' }],
    ['taal en', { name: 'language', args: 'en' }],
  ])('%s', (input, expected) => {
    expect(parseCommand(input)).toEqual(expected);
  });

  it('treats other text as free text (a reflection answer, or unknown)', () => {
    expect(parseCommand('Ik zou eerst met de bewoner praten')).toEqual({ name: 'text', text: 'Ik zou eerst met de bewoner praten' });
    expect(parseCommand('help me with this')).toEqual({ name: 'text', text: 'help me with this' });
    expect(parseCommand('mijn auto is kapot')).toEqual({ name: 'text', text: 'mijn auto is kapot' });
  });
});
