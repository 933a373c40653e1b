import { describe, expect, it } from 'vitest';
import { createCore, type Repositories } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';

// Parsing needs only the features' phrase tables, not a database.
const { bot } = createCore({} as Repositories, { timezone: 'Europe/Amsterdam', defaultLocale: 'nl', adminUsers: [], publicUrl: '' }, createLogger('silent'));
const cmd = (name: string, args = '') => ({ kind: 'command', name, args });

describe('reading chat input', () => {
  it.each([
    ['help', cmd('help')],
    ['HULP', cmd('help')],
    ['workshops', cmd('workshops')],
    ['Workshops stress dinsdag', cmd('workshops', 'stress dinsdag')],
    ['mijn', cmd('my')],
    ['my', cmd('my')],
    ['mijn gegevens', cmd('my-data')],
    ['My Data', cmd('my-data')],
    ['mijn dossier', cmd('dossier')],
    ['klussen excel', cmd('klussen', 'excel')],
    ['jobs', cmd('klussen')],
    ['klus plaatsen', cmd('post-klus')],
    ['post job', cmd('post-klus')],
    ['reflectie', cmd('reflect')],
    ['pauze', cmd('pause')],
    ['pause', cmd('pause')],
    ['start', cmd('resume')],
    ['omroep', cmd('broadcast')],
    ['broadcast', cmd('broadcast')],
    ['<@U123> help', cmd('help')],
    ['taal en', cmd('language', 'en')],
  ])('%s', (input, expected) => {
    expect(bot.parse(input)).toEqual(expected);
  });

  it('treats other text as free text (a reflection answer, or unknown)', () => {
    expect(bot.parse('Ik zou eerst met de bewoner praten')).toEqual({ kind: 'text', text: 'Ik zou eerst met de bewoner praten' });
    expect(bot.parse('help me with this')).toEqual({ kind: 'text', text: 'help me with this' });
    expect(bot.parse('mijn auto is kapot')).toEqual({ kind: 'text', text: 'mijn auto is kapot' });
  });
});
