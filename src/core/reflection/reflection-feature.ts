import type { CoreContext } from '../context.js';
import type { Feature } from '../chat/feature.js';
import { DossierService } from './dossier-service.js';
import { PromptComposer } from './prompt-compose.js';
import { ProgrammeService } from './programme-service.js';
import type { ReflectionService } from './reflection-service.js';
import { RhythmSettings } from './rhythm-settings.js';

/**
 * Reflection prompts, programmes, the personal rhythm and the private talent dossier. Takes over `dossier`
 * from the upcoming-features placeholder (later features win).
 */
export function reflectionFeature(ctx: CoreContext, reflection: ReflectionService): Feature {
  const programmes = new ProgrammeService(ctx);
  const dossier = new DossierService(ctx, programmes);
  const rhythm = new RhythmSettings(ctx);
  const composer = new PromptComposer(ctx);
  return {
    phrases: [
      { phrase: 'reflectie', command: 'reflect' },
      { phrase: 'reflect', command: 'reflect' },
      { phrase: 'mijn dossier', command: 'dossier', takesArgs: true },
      { phrase: 'my dossier', command: 'dossier', takesArgs: true },
      // Bare "dossier" only as the whole line: an answer may well start with that word (DIV staff).
      { phrase: 'dossier', command: 'dossier' },
      { phrase: 'doel', command: 'goal', takesArgs: true },
      { phrase: 'goal', command: 'goal', takesArgs: true },
      { phrase: 'programma', command: 'programme' },
      { phrase: 'mijn programma', command: 'programme' },
      { phrase: 'programme', command: 'programme' },
      { phrase: 'my programme', command: 'programme' },
      { phrase: 'program', command: 'programme' },
      { phrase: 'ritme', command: 'rhythm' },
      { phrase: 'rhythm', command: 'rhythm' },
    ],
    commands: {
      reflect: (actor) => reflection.now(actor),
      // Whatever follows "dossier" is ignored: there is no way to ask for someone else's.
      dossier: async (actor) => ({ messages: [await dossier.view(actor)] }),
      goal: (actor, args) => dossier.addGoal(actor, args),
      programme: async (actor) => ({ messages: [await programmes.overview(actor)] }),
      rhythm: async (actor) => ({ messages: [await rhythm.show(actor)] }),
    },
    actions: {
      'nav.reflect': (actor) => reflection.now(actor),
      'reflect.skip': (actor, input) => reflection.skip(actor, input.value),
      'reflect.later': (actor, input) => reflection.later(actor, input.value),
      'reflect.scale': (actor, input) => reflection.scale(actor, input.value),
      'reflect.answer': (actor, input) => reflection.answerForm(actor, input),
      'nav.dossier': async (actor) => ({ messages: [await dossier.view(actor)] }),
      'goal.new': async (actor) => dossier.goalForm(actor),
      'goal.add': (actor, input) => dossier.addGoalFromForm(actor, input),
      'goal.done': (actor, input) => dossier.completeGoal(actor, input.value),
      'dossier.export': (actor) => dossier.export(actor),
      'programme.enrol_form': (actor, input) => programmes.enrolForm(actor, input.value),
      'programme.enrol': (actor, input) => programmes.enrol(actor, input),
      'rhythm.save': (actor, input) => rhythm.save(actor, input),
    },
    compose: {
      'prompt.': (kind, payload, actor) => composer.compose(kind, payload, actor),
    },
    freeText: (actor, text) => reflection.tryAnswer(actor, text),
  };
}
