import type { Delivery } from './prompt.js';

/**
 * Whether free text is plainly an answer to the open question. Guessing wrong either way hurts: "hoi" stored as
 * a reflection pollutes the dossier, a real answer taken for noise is lost. So only text typed soon after the
 * question was asked, that reads like a sentence, counts without asking; anything else gets "Is dit je antwoord?".
 */
export const ANSWER_DIRECTLY_MS = 60 * 60 * 1000;

const YES = new Set(['ja', 'j', 'jazeker', 'klopt', 'yes', 'y', 'yep', 'sure']);
const NO = new Set(['nee', 'n', 'neen', 'no', 'nope']);

const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/[!.?,\s]+$/u, '')
    .trim();

export const isYes = (text: string) => YES.has(normal(text));
export const isNo = (text: string) => NO.has(normal(text));

/** Words made of letters; "asdf" is one, "👍" none. */
const words = (text: string) => text.match(/\p{L}+/gu) ?? [];

/** A number from 1 to 5 typed on its own, as the answer to a scale question. */
export function typedScale(text: string): number | null {
  const m = /^\s*([1-5])\s*[.!]?\s*$/.exec(text);
  return m ? Number(m[1]) : null;
}

export function plainlyAnswers(text: string, d: Delivery, now: Date): boolean {
  if (now.getTime() - d.askedAt.getTime() > ANSWER_DIRECTLY_MS) return false;
  if (d.prompt.kind === 'SCALE' && !d.awaitingFollowUp && typedScale(text) !== null) return true;
  // A question back to the bot is not an answer to the bot's question.
  if (/\?\s*$/.test(text)) return false;
  const ws = words(text);
  if (ws.length >= 3) return true;
  // Two real words make a short answer ("een collega"); "asdf" or "ok" alone is asked about.
  const real = ws.filter(isRealWord);
  return real.length >= 2 && real.join('').length >= 10;
}

/** Has a vowel and is not a run of neighbouring keys (asdf, qwerty, jkl). */
function isRealWord(w: string): boolean {
  const lower = w.toLowerCase();
  if (!/[aeiouyàáâäèéêëìíîïòóôöùúûü]/u.test(lower)) return false;
  return !KEY_RUNS.some((row) => lower.length >= 3 && row.includes(lower));
}

const KEY_RUNS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'poiuytrewq', 'lkjhgfdsa', 'mnbvcxz'];

/** Several words typed after a command word: perhaps an answer that began with that word ("klussen buiten …"). */
export const mayBeAnswerTakenForCommand = (args: string) => words(args).length >= 3;
