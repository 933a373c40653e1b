import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { PromptLibraryRepository } from './prompt-library-repository.js';

const LIBRARY_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'src', 'core', 'reflection');

const bilingual = z.object({ nl: z.string().min(1), en: z.string().min(1) });

export const promptFile = z.array(
  z.object({
    key: z.string().regex(/^[\w.-]+$/),
    kind: z.enum(['reflection', 'scenario', 'scale']),
    theme: z.enum(['self-insight', 'talent', 'craft', 'working-together', 'vitality', 'change']),
    audiences: z.array(z.string()),
    nl: z.string().min(1),
    en: z.string().min(1),
    followUp: bilingual.optional(),
  }),
);

export const programmeFile = z.array(
  z.object({
    key: z.string().regex(/^[\w.-]+$/),
    name: bilingual,
    description: bilingual,
    steps: z.array(z.object({ phase: bilingual, title: bilingual, promptKey: z.string(), offsetDays: z.number().int().min(0) })),
  }),
);

export async function readLibrary(dir = LIBRARY_DIR) {
  const prompts = promptFile.parse(JSON.parse(await readFile(path.join(dir, 'prompts.json'), 'utf8')));
  const programmes = programmeFile.parse(JSON.parse(await readFile(path.join(dir, 'programmes.json'), 'utf8')));
  return { prompts, programmes };
}

/** Loads the shipped prompt library and programmes; existing keys are updated, HR's own prompts are left alone. */
export async function loadPromptLibrary(library: PromptLibraryRepository): Promise<{ prompts: number; programmes: number }> {
  const { prompts, programmes } = await readLibrary();
  await library.loadLibrary(
    prompts.map((p) => ({
      key: p.key,
      kind: ({ reflection: 'REFLECTION', scenario: 'SCENARIO', scale: 'SCALE' } as const)[p.kind],
      theme: p.theme,
      audiences: p.audiences,
      textNl: p.nl,
      textEn: p.en,
      followUpNl: p.followUp?.nl ?? null,
      followUpEn: p.followUp?.en ?? null,
    })),
    programmes.map((prog) => ({
      key: prog.key,
      name: prog.name.nl,
      nameEn: prog.name.en,
      description: prog.description.nl,
      descriptionEn: prog.description.en,
      steps: prog.steps.map((step) => ({
        phase: step.phase.nl,
        phaseEn: step.phase.en,
        titleNl: step.title.nl,
        titleEn: step.title.en,
        promptKey: step.promptKey,
        offsetDays: step.offsetDays,
      })),
    })),
  );
  return { prompts: prompts.length, programmes: programmes.length };
}
