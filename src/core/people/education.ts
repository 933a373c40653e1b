/**
 * The one vocabulary of education levels (README "People"): the canonical value is what is stored, and what HR
 * types is forgiven on the way in ("MBO 3", "mbo3", "Mbo niveau 3" → `mbo-3`). Every mbo level counts as mbo, so
 * an audience or campaign that says `mbo` reaches mbo-1 … mbo-4 and people whose mbo level is not known.
 */
export const EDUCATION_LEVELS = ['geen', 'vmbo', 'mbo-1', 'mbo-2', 'mbo-3', 'mbo-4', 'mbo', 'hbo', 'wo'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const MBO_LEVELS: readonly EducationLevel[] = ['mbo', 'mbo-1', 'mbo-2', 'mbo-3', 'mbo-4'];

/** Other words people write for the same level; compared after lower-casing and removing spaces, dots and dashes. */
const SYNONYMS: Record<string, EducationLevel> = {
  geen: 'geen', none: 'geen', basisonderwijs: 'geen', basisschool: 'geen', lagereschool: 'geen',
  vmbo: 'vmbo', vmbob: 'vmbo', vmbok: 'vmbo', vmbobb: 'vmbo', vmbokb: 'vmbo', vmbogl: 'vmbo', vmbotl: 'vmbo', vbo: 'vmbo', mavo: 'vmbo', lbo: 'vmbo',
  mbo: 'mbo', hbo: 'hbo', bachelor: 'hbo', wo: 'wo', universiteit: 'wo', master: 'wo', university: 'wo',
};

/** The canonical level, '' for empty (unknown), or null when the text is no level at all. */
export function parseEducationLevel(input: string | null | undefined): EducationLevel | '' | null {
  const squeezed = (input ?? '').trim().toLowerCase().replace(/[\s._\-/]+/g, '');
  if (squeezed === '') return '';
  // mbo with a level: "mbo3", "mboniveau3", "mbolevel3", "mbo-niveau 3", "mbo 3".
  const mbo = /^mbo(?:niveau|level|n)?([1-4])$/.exec(squeezed);
  if (mbo) return `mbo-${mbo[1]}` as EducationLevel;
  return SYNONYMS[squeezed] ?? null;
}

export const educationLevelsText = () => EDUCATION_LEVELS.join(', ');

/** An audience's levels as the stored values it matches: `mbo` widens to every mbo level. Unknown words drop out. */
export function matchingLevels(levels: readonly string[]): string[] {
  const out = new Set<string>();
  for (const l of levels) {
    const level = parseEducationLevel(l);
    if (!level) continue;
    if (level === 'mbo') for (const m of MBO_LEVELS) out.add(m);
    else out.add(level);
  }
  return [...out];
}

const LABELS: Record<'nl' | 'en', Record<EducationLevel, string>> = {
  nl: {
    geen: 'geen diploma na de basisschool', vmbo: 'vmbo', 'mbo-1': 'mbo niveau 1', 'mbo-2': 'mbo niveau 2', 'mbo-3': 'mbo niveau 3',
    'mbo-4': 'mbo niveau 4', mbo: 'mbo (niveau onbekend)', hbo: 'hbo', wo: 'wo (universiteit)',
  },
  en: {
    geen: 'no diploma after primary school', vmbo: 'vmbo (pre-vocational)', 'mbo-1': 'mbo level 1 (vocational)', 'mbo-2': 'mbo level 2 (vocational)',
    'mbo-3': 'mbo level 3 (vocational)', 'mbo-4': 'mbo level 4 (vocational)', mbo: 'mbo (vocational, level not known)',
    hbo: 'hbo (university of applied sciences)', wo: 'wo (university)',
  },
};

/** A level in words for people, in their language (the stored value `geen` is Dutch and means nothing to others). */
export function educationLabel(level: string, locale: 'nl' | 'en'): string {
  const canonical = parseEducationLevel(level);
  return canonical ? LABELS[locale][canonical] : level;
}
