import type { ReflectionDeps } from './deps.js';
import { action, composer, values, type Feature } from '../feature.js';
import type { OutboxKind } from '../outbox.js';
import { promptKinds } from './outbox-kinds.js';
import { translator } from './texts.js';
import { DossierService } from './dossier-service.js';
import { PromptComposer } from './prompt-compose.js';
import { ProgrammeService } from './programme-service.js';
import type { ReflectionService } from './reflection-service.js';
import { RhythmSettings } from './rhythm-settings.js';

/**
 * Reflection prompts, programmes, the personal rhythm and the private talent dossier. Takes over `dossier`
 * from the upcoming-features placeholder (later features win).
 */
export function reflectionFeature(ctx: ReflectionDeps, reflection: ReflectionService): Feature {
  const programmes = new ProgrammeService(ctx);
  const dossier = new DossierService(ctx, programmes);
  const rhythm = new RhythmSettings(ctx);
  const prompts = new PromptComposer(ctx);
  return {
    name: 'reflection',
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
    actions: [
      action('nav.reflect', values.none, (actor) => reflection.now(actor)),
      action('reflect.skip', values.id, (actor, id) => reflection.skip(actor, id)),
      action('reflect.later', values.id, (actor, id) => reflection.later(actor, id)),
      // The scale's own schema (delivery id and number) is checked by the service.
      action('reflect.scale', values.token, (actor, v) => reflection.scale(actor, v)),
      action('reflect.answer', values.token, (actor, _v, input) => reflection.answerForm(actor, input)),
      action('reflect.confirm', values.id, (actor, id) => reflection.confirm(actor, id)),
      action('reflect.discard', values.id, (actor, id) => reflection.discard(actor, id)),
      action('nav.dossier', values.none, async (actor) => ({ messages: [await dossier.view(actor)] })),
      action('goal.new', values.none, async (actor) => dossier.goalForm(actor)),
      action('goal.add', values.token, (actor, _v, input) => dossier.addGoalFromForm(actor, input)),
      action('goal.done', values.id, (actor, id) => dossier.completeGoal(actor, id)),
      action('dossier.export', values.none, (actor) => dossier.export(actor)),
      action('programme.enrol_form', values.id, (actor, id) => programmes.enrolForm(actor, id)),
      action('programme.enrol', values.token, (actor, _v, input) => programmes.enrol(actor, input)),
      action('rhythm.save', values.token, (actor, _v, input) => rhythm.save(actor, input)),
    ],
    outbox: Object.values(promptKinds).map((kind: OutboxKind<unknown>) => composer(kind, (payload, actor) => prompts.compose(kind.name, payload, actor))),
    help: (actor) => {
      const tr = translator(actor.locale);
      return {
        lines: [tr('help.reflect'), tr('help.dossier')],
        more: [tr('help.goal'), tr('help.programme'), tr('help.rhythm')],
        button: { action: 'nav.reflect', value: '', label: tr('reflect.title') },
      };
    },
    freeText: (actor, text) => reflection.tryAnswer(actor, text),
    afterCommand: (actor, line, args) => reflection.offerAfterCommand(actor, line, args),
  };
}
