import { describe, expect, it } from 'vitest';
import { checkB1 } from '../../src/core/language/b1.js';
import { checkPlainLanguage, readsAsB1 } from '../../src/core/language/plain-language.js';
import { parseScheduleWords, scheduleInWords } from '../../src/core/nudges/schedule-words.js';

const LONG = 'Wij willen alle medewerkers van de gemeente graag uitnodigen om in de komende weken mee te doen aan de leerweek.';

describe('the plain-language check with details', () => {
  it('passes short plain Dutch with a full score', () => {
    const c = checkPlainLanguage('Doe mee aan de leerweek. Meld je aan in de chat.', 'nl');
    expect(c).toMatchObject({ rules: true, score: 100, longSentences: [], longWords: [], manyLongWords: null });
    expect(c.sentences.map((s) => s.words)).toEqual([5, 6]);
    expect(readsAsB1(c)).toBe(true);
  });

  it('names the long sentence and the long word, and costs score, by the same rules as checkB1', () => {
    const text = `${LONG} Dit is een arbeidsvoorwaardenregeling.`;
    const c = checkPlainLanguage(text, 'nl');
    expect(c.longSentences).toEqual([{ text: LONG, words: 20, tooLong: true }]);
    expect(c.longWords).toEqual(['arbeidsvoorwaardenregeling']);
    expect(c.score).toBeLessThan(100);
    expect(readsAsB1(c)).toBe(false);
    // The same findings as the check the tests apply to the bot's own Dutch.
    expect(checkB1(text).map((f) => f.kind).sort()).toEqual(['long-sentence', 'long-word']);
  });

  it('has no rules for English and says so instead of judging', () => {
    expect(checkPlainLanguage(LONG, 'en')).toMatchObject({ rules: false, score: 100, longSentences: [] });
  });
});

describe('schedules in words', () => {
  it.each([
    ['elke dinsdag om 07:00', '0 7 * * 2'],
    ['Elke werkdag om 9:30', '30 9 * * 1-5'],
    ['elke maandag en donderdag om 08:00', '0 8 * * 1,4'],
    ['elke dag om 10 uur', '0 10 * * *'],
    ['elke maand op de 3e om 09:00', '0 9 3 * *'],
    ['every Tuesday at 07:00', '0 7 * * 2'],
    ['every weekday at 16:15', '15 16 * * 1-5'],
  ])('reads “%s” as %s', (words, cron) => expect(parseScheduleWords(words)).toBe(cron));

  it.each(['0 7 * * 2', 'morgen', 'elke dinsdag om 25:00', 'elke maand op de 31e om 09:00'])('refuses “%s”', (w) =>
    expect(parseScheduleWords(w)).toBeNull(),
  );

  it('reads back what it says, in both languages', () => {
    for (const cron of ['0 7 * * 2', '30 9 * * 1-5', '0 8 * * 1,4', '0 10 * * *', '0 9 3 * *']) {
      expect(parseScheduleWords(scheduleInWords(cron, 'nl'))).toBe(cron);
      expect(parseScheduleWords(scheduleInWords(cron, 'en'))).toBe(cron);
    }
  });
});
