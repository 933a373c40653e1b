import type { Feature } from '../feature.js';
import type { ConsoleAccess } from './console-access.js';
import { consoleRole } from './rights.js';
import { translator } from './texts.js';

/** `beheer` / `admin`: a one-time link to the HR console at /beheer. */
export function consoleFeature(access: ConsoleAccess): Feature {
  return {
    name: 'console',
    phrases: [
      { phrase: 'beheer', command: 'console-link' },
      { phrase: 'admin', command: 'console-link' },
    ],
    commands: { 'console-link': (actor) => access.requestLink(actor) },
    help: (actor) => ({ lines: [], more: consoleRole(actor.person) === 'none' ? [] : [translator(actor.locale)('help.console')] }),
  };
}
