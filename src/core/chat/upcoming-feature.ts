import type { Feature } from '../feature.js';
import { translator } from '../i18n/index.js';
import { message } from '../messages.js';

// Contract words whose features land in their own issues answer honestly instead of "I do not understand".
// A feature that implements one of these commands replaces the entry (later features win).
const UPCOMING = [
  { phrase: 'mijn gegevens', command: 'my-data' },
  { phrase: 'my data', command: 'my-data' },
];

export function upcomingFeature(): Feature {
  const notYet = async (actor: { locale: 'nl' | 'en' }) => ({ messages: [message(translator(actor.locale)('common.not_yet'))] });
  return {
    name: 'upcoming',
    phrases: UPCOMING,
    commands: Object.fromEntries(UPCOMING.map((p) => [p.command, notYet])),
  };
}
