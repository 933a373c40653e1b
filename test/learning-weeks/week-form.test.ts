import { describe, expect, it } from 'vitest';
import { formatDayInput, keyFromName, parseWeekForm } from '../../src/core/learning-weeks/week-form.js';
import { translator } from '../../src/core/learning-weeks/texts.js';

const tr = translator('nl');

describe('the learning week form (pure)', () => {
  it('reads Dutch and ISO days as calendar days, and makes the code from the name when it is empty', () => {
    const out = parseWeekForm({ name: '  Meester in je Werk-week  2027 ', key: '', starts: '15-04-2027', ends: '2027-04-19' }, tr);
    expect(out).toEqual({
      ok: true,
      fields: { name: 'Meester in je Werk-week 2027', key: 'meester-in-je-werk-week-2027', startsOn: new Date('2027-04-15T00:00:00Z'), endsOn: new Date('2027-04-19T00:00:00Z') },
    });
    if (out.ok) expect(formatDayInput(out.fields.startsOn)).toBe('15-04-2027');
    expect(keyFromName('Één week – Financiën')).toBe('een-week-financien');
  });

  it('names every mistake at once', () => {
    const out = parseWeekForm({ name: '', key: 'Mijn week!', starts: '31-02-2027', ends: '' }, tr);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.problems).toEqual([
        'Naam: vul dit in.',
        'Code: gebruik alleen kleine letters, cijfers en streepjes, zoals miw-2027.',
        'Eerste dag: ik snap “31-02-2027” niet. Schrijf de dag zo: 15-04-2027.',
        'Laatste dag: vul dit in.',
      ]);
    }
  });

  it('refuses a last day before the first, and a "week" of more than 31 days', () => {
    const reversed = parseWeekForm({ name: 'W', starts: '19-04-2027', ends: '15-04-2027' }, tr);
    expect(reversed.ok ? [] : reversed.problems).toEqual(['De laatste dag ligt voor de eerste dag. Draai ze om.']);
    // 15 April to 15 May is 31 days counting both: still allowed; one day more is not.
    expect(parseWeekForm({ name: 'W', starts: '15-04-2027', ends: '15-05-2027' }, tr).ok).toBe(true);
    const long = parseWeekForm({ name: 'W', starts: '15-04-2027', ends: '16-05-2027' }, tr);
    expect(long.ok ? [] : long.problems).toEqual(['Een leerweek duurt hoogstens 31 dagen. Kies een latere eerste dag of een eerdere laatste dag.']);
    expect(parseWeekForm({ name: 'W', starts: '15-04-2027', ends: '15-04-2027' }, tr).ok).toBe(true);
  });
});
