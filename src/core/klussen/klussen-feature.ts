import type { Feature } from '../chat/feature.js';
import type { KlussenService } from './klussen-service.js';

export function klussenFeature(klussen: KlussenService): Feature {
  return {
    phrases: [
      { phrase: 'klussen', command: 'klussen', takesArgs: true },
      { phrase: 'klus', command: 'klussen', takesArgs: true },
      { phrase: 'jobs', command: 'klussen', takesArgs: true },
    ],
    commands: {
      klussen: async (actor, args) => ({ messages: [await klussen.list(actor, args)] }),
    },
    actions: {
      'klus.interest': (actor, input) => klussen.interest(actor, input.value),
      'klus.withdraw': (actor, input) => klussen.withdraw(actor, input.value),
      'nav.klussen': async (actor) => ({ messages: [await klussen.list(actor, '')] }),
    },
  };
}
