import type { CoreContext } from '../context.js';
import type { Feature } from '../chat/feature.js';
import { myOverview } from '../chat/my-overview.js';
import { parseListState, type WorkshopsService } from './workshops-service.js';

export function workshopsFeature(ctx: CoreContext, workshops: WorkshopsService): Feature {
  return {
    phrases: [
      { phrase: 'workshops', command: 'workshops', takesArgs: true },
      { phrase: 'workshop', command: 'workshops', takesArgs: true },
    ],
    commands: {
      workshops: async (actor, args) => ({ messages: [await workshops.list(actor, { q: args, o: 0 })] }),
    },
    actions: {
      'workshop.signup': (actor, input) => workshops.signUp(actor, parseListState(input.value)),
      'workshop.cancel': (actor, input) => workshops.cancel(actor, parseListState(input.value)),
      // Cancelling from "mijn" redraws "mijn", not the workshop list.
      'my.cancel': async (actor, input) => {
        const r = await workshops.cancel(actor, parseListState(input.value));
        return { messages: r.messages, update: await myOverview(ctx, actor, r.messages[0]?.text) };
      },
      'workshops.page': async (actor, input) => {
        const s = parseListState(input.value);
        return { messages: [], update: await workshops.list(actor, { q: s.q, o: s.o }) };
      },
      'nav.workshops': async (actor) => ({ messages: [await workshops.list(actor, { q: '', o: 0 })] }),
    },
    compose: {
      'workshop.': (kind, payload, actor) => workshops.compose(kind, payload, actor),
    },
  };
}
