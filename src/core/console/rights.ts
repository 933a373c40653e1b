import { hasRole, type Person } from '../people/person.js';

/** Who may use the console, and how much: HR everything, a team leader their own part, others nothing. */
export type ConsoleRole = 'hr' | 'manager' | 'none';

export const consoleRole = (p: Person): ConsoleRole => (hasRole(p, 'HR') ? 'hr' : hasRole(p, 'MANAGER') ? 'manager' : 'none');

/** What each role may open; the server asks this for every request, never the page. */
export const RIGHTS = {
  hr: ['home', 'workshops', 'workshops.edit', 'weeks', 'people', 'klussen', 'klussen.all', 'report', 'report.all', 'audit', 'broadcasts', 'campaigns', 'language'],
  manager: ['home', 'klussen', 'report'],
  none: [],
} as const satisfies Record<ConsoleRole, readonly string[]>;

export type Right = (typeof RIGHTS)['hr'][number];

export const may = (p: Person, right: Right) => (RIGHTS[consoleRole(p)] as readonly string[]).includes(right);
