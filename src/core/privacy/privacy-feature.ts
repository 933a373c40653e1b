import type { Feature } from '../chat/feature.js';
import type { WorkshopsService } from '../workshops/workshops-service.js';
import type { PrivacyService } from './privacy-service.js';

/** `mijn gegevens` / `my data`: the person's own data only; no value in a button names anyone. */
export function privacyFeature(privacy: PrivacyService, workshops: WorkshopsService): Feature {
  return {
    phrases: [
      { phrase: 'mijn gegevens', command: 'my-data' },
      { phrase: 'my data', command: 'my-data' },
    ],
    commands: { 'my-data': async (actor) => ({ messages: [await privacy.overview(actor)] }) },
    actions: {
      'data.export': (actor) => privacy.export(actor),
      'data.erase': (actor) => privacy.erase(actor, (workshopId) => workshops.cancel(actor, { w: workshopId, q: '', o: 0 })),
      'nav.my-data': async (actor) => ({ messages: [await privacy.overview(actor)] }),
    },
  };
}
