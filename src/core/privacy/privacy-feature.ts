import { action, values, type Feature } from '../feature.js';
import type { WorkshopsService } from '../workshops/workshops-service.js';
import type { PrivacyService } from './privacy-service.js';
import { translator } from './texts.js';

/** `mijn gegevens` / `my data`: the person's own data only; no value in a button names anyone. */
export function privacyFeature(privacy: PrivacyService, workshops: WorkshopsService): Feature {
  return {
    name: 'privacy',
    phrases: [
      { phrase: 'mijn gegevens', command: 'my-data' },
      { phrase: 'my data', command: 'my-data' },
    ],
    commands: { 'my-data': async (actor) => ({ messages: [await privacy.overview(actor)] }) },
    actions: [
      action('data.export', values.none, (actor) => privacy.export(actor)),
      action('data.erase', values.none, (actor) => privacy.erase(actor, (workshopId) => workshops.cancel(actor, { w: workshopId, q: '', o: 0 }))),
      action('nav.my-data', values.none, async (actor) => ({ messages: [await privacy.overview(actor)] })),
    ],
    help: (actor) => ({ lines: [], more: [translator(actor.locale)('help.data')] }),
  };
}
