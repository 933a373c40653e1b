import type { Feature } from '../chat/feature.js';
import type { ReflectionService } from './reflection-service.js';

export function reflectionFeature(reflection: ReflectionService): Feature {
  return {
    phrases: [
      { phrase: 'reflectie', command: 'reflect' },
      { phrase: 'reflect', command: 'reflect' },
    ],
    commands: { reflect: (actor) => reflection.now(actor) },
    actions: {
      'reflect.skip': (actor, input) => reflection.skip(actor, input.value),
      'reflect.later': (actor, input) => reflection.later(actor, input.value),
      'nav.reflect': (actor) => reflection.now(actor),
    },
    freeText: (actor, text) => reflection.tryAnswer(actor, text),
  };
}
