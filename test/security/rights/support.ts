import { catalogues, type TextKey } from '../../../src/app.js';
import type { Reply } from '../../../src/core/messages.js';
import { SECRETS, type Role } from './world.js';

/** How the bot says no: one of these, in the person's language (every actor of the matrix speaks Dutch). */
const REFUSAL_KEYS = [
  'error.forbidden',
  'error.not_found',
  'error.not_signed_up',
  'error.klus_own',
  'klus.post.forbidden',
  'klus.candidates.forbidden',
  'broadcast.forbidden',
  'campaign.forbidden',
  'report.forbidden',
  'poster.forbidden',
  'request.not_yours',
  'team.forbidden',
  'console.forbidden',
];
const REFUSALS = REFUSAL_KEYS.map((k) => catalogues.nl[k as TextKey]).filter((t): t is string => typeof t === 'string');
const INTERNAL = catalogues.nl['error.internal'].split(' (')[0]!;

export const textOf = (r: Reply) => [r.update, ...r.messages].filter((m) => m !== undefined).map((m) => m.text).join('\n');

/** A refusal is friendly: a known sentence in the person's language, never an internal error or an empty answer. */
export function refusal(r: Reply): boolean {
  const text = textOf(r);
  return REFUSALS.some((t) => text.includes(t));
}

export function answered(r: Reply): boolean {
  const text = textOf(r);
  return (r.messages.length > 0 || r.update !== undefined) && !text.includes(INTERNAL) && !text.includes(catalogues.nl['error.unknown_action']);
}

/** Nothing the employee wrote for themselves may reach anyone else, whatever they click or type. */
export function leaks(role: Role, r: Reply): string[] {
  if (role === 'employee') return [];
  const all = JSON.stringify(r);
  return Object.values(SECRETS).filter((s) => all.includes(s));
}
