import { describe, expect, it } from 'vitest';
import { checkB1 } from '../../src/core/language/b1.js';
import { toolboxText } from '../../src/core/team/toolbox-text.js';

const at = (iso: string) => new Date(iso);
const week = {
  workshops: [
    { id: '1', title: 'Veilig werken langs de weg', startsAt: at('2027-03-16T06:30:00Z'), endsAt: at('2027-03-16T08:30:00Z'), location: 'Gemeentewerf, kantine', free: 4 },
    { id: '2', title: 'Omgaan met boze bewoners', startsAt: at('2027-03-17T12:00:00Z'), endsAt: at('2027-03-17T14:00:00Z'), location: null, free: 1 },
    { id: '3', title: 'Tillen zonder rugpijn', startsAt: at('2027-03-18T07:00:00Z'), endsAt: at('2027-03-18T08:00:00Z'), location: 'Sporthal De Slag', free: 0 },
  ],
  klussen: [
    { id: 'k1', title: 'Hulp bij de bomenkap in het park', hoursPerWeek: 4 },
    { id: 'k2', title: 'Meedenken over de nieuwe route', hoursPerWeek: null },
  ],
  question: 'Een bewoner spreekt je boos aan over afval op straat. Hoe zou jij dit aanpakken?',
};

describe('the toolbox text to read aloud', () => {
  it('passes the B1 checks, sentence by sentence and as a whole, with and without offers', () => {
    const full = toolboxText(week, 'nl', 'Europe/Amsterdam');
    expect(full.split('\n')).toEqual([
      'Goedemorgen allemaal! Dit is er deze week te leren.',
      'Veilig werken langs de weg: dinsdag 16 maart om 07:30, in Gemeentewerf, kantine.',
      'Er zijn nog 4 plekken.',
      'Omgaan met boze bewoners: woensdag 17 maart om 13:00, online.',
      'Er is nog 1 plek.',
      'Tillen zonder rugpijn: donderdag 18 maart om 08:00, in Sporthal De Slag.',
      'Het is vol, maar je kunt op de wachtlijst.',
      'In de Klussenbank staat werk dat bij iemand van ons past:',
      'Hulp bij de bomenkap in het park, 4 uur per week.',
      'Meedenken over de nieuwe route.',
      'Vraag voor het gesprek: Een bewoner spreekt je boos aan over afval op straat. Hoe zou jij dit aanpakken?',
      'Wil je mee? Zeg het mij. Dan meld ik je aan.',
    ]);
    expect(checkB1(full)).toEqual([]);
    const empty = toolboxText({ workshops: [], klussen: [], question: null }, 'nl', 'Europe/Amsterdam');
    expect(empty).toBe('Goedemorgen allemaal! Dit is er deze week te leren.\nDeze week zijn er geen workshops voor ons team.\nWil je mee? Zeg het mij. Dan meld ik je aan.');
    expect(checkB1(empty)).toEqual([]);
  });

  it('names the next workshops when nothing is on this week, and reads a location “Online” as online', () => {
    const soon = toolboxText({ workshops: [], soon: [{ ...week.workshops[0]!, location: 'Online' }], klussen: [], question: null }, 'nl', 'Europe/Amsterdam');
    expect(soon.split('\n')).toEqual([
      'Goedemorgen allemaal! Dit is het nieuws voor ons team.',
      'Deze week zijn er geen workshops voor ons team.',
      'Dit zijn de volgende workshops:',
      'Veilig werken langs de weg: dinsdag 16 maart om 07:30, online.',
      'Er zijn nog 4 plekken.',
      'Wil je mee? Zeg het mij. Dan meld ik je aan.',
    ]);
    expect(checkB1(soon)).toEqual([]);
    // Something this week: the later ones are not read out.
    expect(toolboxText({ ...week, soon: [{ ...week.workshops[0]!, title: 'Later' }] }, 'nl', 'Europe/Amsterdam')).not.toContain('Later');
  });

  it('has an English version for an English-speaking team leader', () => {
    const en = toolboxText(week, 'en', 'Europe/Amsterdam');
    expect(en).toContain('Veilig werken langs de weg: Tuesday 16 March at 07:30, at Gemeentewerf, kantine.');
    expect(en).toContain('There are 4 seats left.');
    expect(en).toContain('Want to go? Tell me. I will sign you up.');
  });
});
