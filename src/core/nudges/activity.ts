import { MIN_GROUP } from './settings.js';

/**
 * Engagement events that count as "did something": acts of the person themselves. Skipping a question, and
 * messages the bot sent, do not count. The per-person measure over these is used only to pick whom to nudge;
 * nobody is ever shown it.
 */
export const ACTIVITY_KINDS = [
  'workshop.signup',
  'workshop.waitlist',
  'workshop.attended',
  'klus.interest',
  'prompt.answered',
  'broadcast.click',
  'nudge.click',
  // A team talk the team leader held on the week's question: counted for every member of the team (core/team).
  'team.talk',
] as const;

/** What a nudge led to: activity after it, not the click on the nudge itself. */
export const FOLLOW_UP_KINDS = ACTIVITY_KINDS.filter((k) => k !== 'nudge.click');

/** Days after a nudge in which activity counts as following it (report column `active_after`). */
export const FOLLOW_UP_DAYS = 14;

export type Band = 'low' | 'mid' | 'high';

/**
 * A team's share in three bands instead of a count. Every band holds several counts, including 0 and "all" at the
 * ends, so a team leader cannot conclude that everyone (or no one) in the team did something.
 */
export function band(active: number, size: number): Band {
  const share = size > 0 ? active / size : 0;
  if (share < 1 / 3) return 'low';
  if (share <= 2 / 3) return 'mid';
  return 'high';
}

/** A figure about a group, or null when the group is too small to show anything about it. */
export const suppressed = <T>(size: number, value: T): T | null => (size >= MIN_GROUP ? value : null);

export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
