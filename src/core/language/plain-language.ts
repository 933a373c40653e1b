import type { Locale } from '../messages.js';
import { B1_LIMITS, b1Sentences, b1Words, isAllowedLongWord } from './b1.js';

/** One sentence of the text as the check saw it, and whether it is too long. */
export interface CheckedSentence {
  text: string;
  words: number;
  tooLong: boolean;
}

/**
 * The plain-language check of a text HR writes for employees, with what it found: the same B1 rules that
 * `checkB1` (and the tests over the bot's own Dutch) apply, as a score and the sentences and words that break them.
 * Only Dutch has rules; for English `rules` is false and nothing is judged (the page says so).
 */
export interface PlainLanguageCheck {
  locale: Locale;
  rules: boolean;
  /** 0..100: 100 = breaks no rule. Each long sentence, long word, and a too-high share of long words cost points. */
  score: number;
  sentences: CheckedSentence[];
  /** Sentences over the limit (a subset of `sentences`). */
  longSentences: CheckedSentence[];
  /** Words over the maximum length (not on the allow-list), each once. */
  longWords: string[];
  /** When the text has too many long words: their share and the words. */
  manyLongWords: { long: number; total: number; words: string[] } | null;
  limits: typeof B1_LIMITS;
}

const PENALTY = { sentence: 15, word: 10, share: 20 };

export function checkPlainLanguage(text: string, locale: Locale): PlainLanguageCheck {
  const empty: PlainLanguageCheck = { locale, rules: locale === 'nl', score: 100, sentences: [], longSentences: [], longWords: [], manyLongWords: null, limits: B1_LIMITS };
  if (locale !== 'nl' || !text.trim()) return empty;
  const sentences = b1Sentences(text).map((s) => {
    const words = b1Words(s).length;
    return { text: s, words, tooLong: words > B1_LIMITS.maxWordsPerSentence };
  });
  const all = b1Words(text);
  const longWords = [...new Set(all.filter((w) => w.length > B1_LIMITS.maxWordLength && !isAllowedLongWord(w) && !w.includes('-')))];
  const long = all.filter((w) => w.length > B1_LIMITS.longWord && !isAllowedLongWord(w));
  const manyLongWords = all.length >= 8 && long.length / all.length > B1_LIMITS.maxLongWordShare ? { long: long.length, total: all.length, words: long } : null;
  const longSentences = sentences.filter((s) => s.tooLong);
  const score = Math.max(0, 100 - longSentences.length * PENALTY.sentence - longWords.length * PENALTY.word - (manyLongWords ? PENALTY.share : 0));
  return { ...empty, score, sentences, longSentences, longWords, manyLongWords };
}

/** True when the check found nothing to improve. */
export const readsAsB1 = (c: PlainLanguageCheck) => c.longSentences.length === 0 && c.longWords.length === 0 && c.manyLongWords === null;
