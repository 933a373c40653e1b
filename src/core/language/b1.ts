import { otherForms } from '../i18n/plural.js';
/**
 * A plain-language check for Dutch at B1 level, in the spirit of the "Klare taal" guidelines used by
 * municipalities: short sentences and few long words. It measures; the test decides what fails.
 *
 * Thresholds (documented in README "Plain Dutch (B1)"):
 * - a sentence has at most 15 words;
 * - a word has at most 13 letters, except words on the allow-list (names of things people know);
 * - a text has at most 1 word in 8 longer than 9 letters.
 */
export const B1_LIMITS = { maxWordsPerSentence: 15, maxWordLength: 13, maxLongWordShare: 1 / 8, longWord: 9 } as const;

// Words people in municipalities use every day, however long they look.
const ALLOWED = new Set([
  'klussenbank', 'buitendienst', 'wachtlijst', 'aanmeldingen', 'aanwezigheid', 'leidinggevende', 'leidinggevenden',
  'medewerkers', 'vaardigheid',
  'vliegwiel', 'reflectievraag', 'ontwikkelgesprek', 'reflecties', 'ontwikkeling', 'ontwikkelen', 'informatievoorziening',
  'gemeentewerf', 'samenwerking', 'samenwerken', 'vaardigheden', 'organisatie', 'organisaties', 'instellingen',
  'herinneringen', 'herinnering', 'bijeenkomst', 'teamoverleg', 'werkoverleg', 'verandering', 'veranderingen',
  'workshops', 'inschrijving', 'aangemeld', 'afgemeld', 'deelnemers', 'gegevens', 'ontvangers', 'goedkeuring',
]);

/** A long word that people in municipalities know anyway. */
export const isAllowedLongWord = (w: string) => ALLOWED.has(w.toLowerCase());

export interface B1Finding {
  kind: 'long-sentence' | 'long-word' | 'many-long-words';
  detail: string;
}

/** The words of a text as the B1 rules count them (placeholders and links count as one short word). */
export const b1Words = (s: string) =>
  otherForms(s)
    .replace(/\{\w+\}/g, 'x') // placeholders count as one short word
    .replace(/https?:\/\/\S+/g, 'link')
    .split(/[^\p{L}\p{N}'’-]+/u)
    .map((w) => w.replace(/^[-'’]+|[-'’]+$/g, ''))
    .filter((w) => /\p{L}/u.test(w));

/** The sentences of a text as the B1 rules split them (also at line breaks and a colon before a capital). */
export const b1Sentences = (text: string) =>
  text
    .split(/(?<=[.!?])\s+|\n+|(?<=:)\s+(?=\p{Lu})/u)
    .map((s) => s.trim())
    .filter(Boolean);

/** Findings for one Dutch text; an empty list means it reads as B1. */
export function checkB1(text: string): B1Finding[] {
  const findings: B1Finding[] = [];
  for (const s of b1Sentences(text)) {
    const n = b1Words(s).length;
    if (n > B1_LIMITS.maxWordsPerSentence) findings.push({ kind: 'long-sentence', detail: `${n} words: ${s}` });
  }
  const all = b1Words(text);
  const long = all.filter((w) => w.length > B1_LIMITS.longWord && !ALLOWED.has(w.toLowerCase()));
  for (const w of all) {
    if (w.length > B1_LIMITS.maxWordLength && !ALLOWED.has(w.toLowerCase()) && !w.includes('-')) {
      findings.push({ kind: 'long-word', detail: w });
    }
  }
  // Share of long words only says something about texts of some length.
  if (all.length >= 8 && long.length / all.length > B1_LIMITS.maxLongWordShare) {
    findings.push({ kind: 'many-long-words', detail: `${long.length} of ${all.length}: ${long.join(', ')}` });
  }
  return findings;
}
