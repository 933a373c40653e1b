/** Lower case, accents dropped, single spaces: "  José  de Vries" and "jose de vries" are one name. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export const NAME_MAX = 60;

export type NameProblem = 'empty' | 'too_long' | 'not_a_name';

/**
 * A name typed on the public page: letters with spaces, hyphens, apostrophes and dots ("Anne-Marie van 't Hof"),
 * 2 to 60 characters. Links, e-mail addresses and digits are refused: that is junk, not a name.
 */
export function checkName(raw: string): { ok: true; name: string } | { ok: false; problem: NameProblem } {
  const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (name.length < 2) return { ok: false, problem: 'empty' };
  if (name.length > NAME_MAX) return { ok: false, problem: 'too_long' };
  if (/https?:|www\.|@|\.[a-z]{2,}\//i.test(name)) return { ok: false, problem: 'not_a_name' };
  if (!/^[\p{L}][\p{L}\p{M} .'’-]*$/u.test(name)) return { ok: false, problem: 'not_a_name' };
  return { ok: true, name };
}
