import { z } from 'zod';
import { THEMES } from './prompt.js';
import { CsvFileError, parseCsv } from '../import/csv.js';
import { listOf, required, text, validateRows, type ImportReport } from '../import/import-report.js';
import type { PromptLibraryRepository } from './prompt-library-repository.js';

export const PROMPT_COLUMNS = ['key', 'kind', 'theme', 'audiences', 'text_nl', 'text_en', 'follow_up_nl', 'follow_up_en', 'active'] as const;

const yes = ['', 'true', 'ja', 'yes', '1', 'y', 'j'];
const no = ['false', 'nee', 'no', '0', 'n'];

const row = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[\w.-]{1,100}$/, 'key must be 1–100 letters, digits, dots, dashes or underscores'),
    kind: z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => ['', 'reflection', 'reflectie', 'scenario', 'scale', 'schaal'].includes(v), 'kind must be reflection, scenario or scale')
      .transform((v) => (v === 'scenario' ? ('SCENARIO' as const) : v === 'scale' || v === 'schaal' ? ('SCALE' as const) : ('REFLECTION' as const))),
    theme: z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => (THEMES as readonly string[]).includes(v), `theme must be one of ${THEMES.join(', ')}`),
    audiences: text(500).transform((s) => [...new Set(listOf(s).map((a) => a.toLowerCase()))]),
    text_nl: required('text_nl', 500),
    text_en: required('text_en', 500),
    follow_up_nl: text(500),
    follow_up_en: text(500),
    active: z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => yes.includes(v) || no.includes(v), 'active must be true or false (or empty: true)')
      .transform((v) => !no.includes(v)),
  })
  .refine((r) => !r.follow_up_nl === !r.follow_up_en, {
    message: 'follow_up_nl and follow_up_en go together: fill in both or neither',
    path: ['follow_up_en'],
  });

/**
 * HR's own prompts (`source = 'hr'`): same fields as the shipped library, one per row. A key of the shipped library
 * is refused, so a later `seed demo` never overwrites HR's words and HR never silently changes the library's.
 */
export async function importPrompts(library: PromptLibraryRepository, file: Buffer | string): Promise<ImportReport> {
  const rows = validateRows(parseCsv(file, PROMPT_COLUMNS), row, (r) => r.key);
  const shipped = await library.libraryKeys(rows.map((r) => r.value.key));
  if (shipped.length) {
    const taken = new Set(shipped);
    throw new CsvFileError(
      rows.filter((r) => taken.has(r.value.key)).map((r) => ({ line: r.line, message: `key ${r.value.key} belongs to the shipped library; choose another key` })),
    );
  }
  const counts = await library.importPrompts(
    rows.map(({ value: r }) => ({
      key: r.key,
      kind: r.kind,
      theme: r.theme,
      audiences: r.audiences,
      textNl: r.text_nl,
      textEn: r.text_en,
      followUpNl: r.follow_up_nl || null,
      followUpEn: r.follow_up_en || null,
      active: r.active,
    })),
  );
  return { kind: 'prompts', ...counts };
}
