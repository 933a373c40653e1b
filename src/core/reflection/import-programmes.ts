import { z } from 'zod';
import { CsvFileError, parseCsv, type RowError } from '../import/csv.js';
import { required, text, validateRows, type ImportReport } from '../import/import-report.js';
import type { PromptLibraryRepository } from './prompt-library-repository.js';

export const PROGRAMME_COLUMNS = [
  'programme',
  'name_nl',
  'name_en',
  'description_nl',
  'description_en',
  'step',
  'phase_nl',
  'phase_en',
  'title_nl',
  'title_en',
  'prompt',
  'offset_days',
] as const;

const whole = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, `${name} must be a whole number from ${min} to ${max}`)
    .transform(Number);

const row = z.object({
  programme: z
    .string()
    .trim()
    .regex(/^[\w.-]{1,100}$/, 'programme must be a key of 1–100 letters, digits, dots, dashes or underscores'),
  name_nl: text(200),
  name_en: text(200),
  description_nl: text(2000),
  description_en: text(2000),
  step: whole('step', 1, 200),
  phase_nl: required('phase_nl'),
  phase_en: required('phase_en'),
  title_nl: required('title_nl'),
  title_en: required('title_en'),
  prompt: text(100),
  offset_days: whole('offset_days', 0, 3650),
});

type Row = { line: number; value: z.output<typeof row> };

/**
 * Programmes HR defines: one row per step (phase, title, the prompt to ask, days after enrolment). The
 * programme's name and description are given on its first row (later rows may repeat them or leave them empty).
 * Steps of a programme that the file no longer lists are removed.
 */
export async function importProgrammes(library: PromptLibraryRepository, file: Buffer | string): Promise<ImportReport> {
  const rows = validateRows(parseCsv(file, PROGRAMME_COLUMNS), row, (r) => `${r.programme} step ${r.step}`);
  const prompts = await library.promptIds(rows.map((r) => r.value.prompt).filter(Boolean));
  const errors: RowError[] = [];
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    if (r.value.prompt && !prompts.has(r.value.prompt)) errors.push({ line: r.line, message: `prompt ${r.value.prompt} is not a known prompt key (import prompts first)` });
    groups.set(r.value.programme, [...(groups.get(r.value.programme) ?? []), r]);
  }
  for (const [key, steps] of groups) {
    const head = steps[0]!;
    if (!head.value.name_nl || !head.value.name_en) errors.push({ line: head.line, message: `programme ${key}: name_nl and name_en are required on its first row` });
    for (const s of steps.slice(1)) {
      for (const f of ['name_nl', 'name_en', 'description_nl', 'description_en'] as const) {
        if (s.value[f] && s.value[f] !== head.value[f]) errors.push({ line: s.line, message: `${f} differs from line ${head.line} of programme ${key}` });
      }
    }
    const sorted = [...steps].sort((a, b) => a.value.step - b.value.step);
    sorted.forEach((s, i) => {
      if (s.value.step !== i + 1) errors.push({ line: s.line, message: `programme ${key}: steps must be numbered 1, 2, 3… without gaps` });
      const prev = sorted[i - 1];
      if (prev && s.value.offset_days < prev.value.offset_days) errors.push({ line: s.line, message: `offset_days must not be earlier than step ${prev.value.step}` });
    });
  }
  if (errors.length) throw new CsvFileError(errors.sort((a, b) => a.line - b.line));

  const counts = await library.importProgrammes(
    [...groups].map(([key, steps]) => {
      const h = steps[0]!.value;
      return {
        key,
        name: h.name_nl,
        nameEn: h.name_en,
        description: h.description_nl,
        descriptionEn: h.description_en,
        steps: steps.map(({ value: s }) => ({
          position: s.step,
          phase: s.phase_nl,
          phaseEn: s.phase_en,
          titleNl: s.title_nl,
          titleEn: s.title_en,
          promptId: s.prompt ? prompts.get(s.prompt)! : null,
          offsetDays: s.offset_days,
        })),
      };
    }),
  );
  return { kind: 'programmes', ...counts };
}
