import type { SendWindow } from './window.js';

/**
 * How respectful nudging is configured (README "Nudges"). Defaults here, so a core built without these settings
 * (tests, the console chat) behaves like a fresh install.
 */
export interface NudgeSettings {
  /** NUDGE_HOURS + NUDGE_DAYS: when nudges and digests may arrive, in the person's local time. */
  window: SendWindow;
  /** NUDGE_GROUP_HOURS: a window per department (lower case); outdoor teams start and stop early. */
  groupWindows: Record<string, SendWindow>;
  /** NUDGE_CAP_DAYS: at most one campaign nudge per person in any span of this many local days. */
  capDays: number;
  /** NUDGE_ACTIVITY_WEEKS: the rolling window of "did something" in the team digest and the report. */
  activityWeeks: number;
  /** NUDGE_DIGEST_CRON: when the weekly team-leader digest is planned (node-cron, VLIEGWIEL_TIMEZONE). */
  digestCron: string;
}

export const DEFAULT_NUDGE_SETTINGS: NudgeSettings = {
  window: { from: 9 * 60, until: 17 * 60, days: [1, 2, 3, 4, 5] },
  groupWindows: { buitendienst: { from: 7 * 60, until: 15 * 60, days: [1, 2, 3, 4, 5] } },
  capDays: 7,
  activityWeeks: 4,
  digestCron: '0 8 * * 1',
};

/** Smallest group whose figures anyone but its members may see (k-anonymity). */
export const MIN_GROUP = 5;

/** A late delivery (backlog, retries) may still go this long after its window closed, on the same day. */
export const WINDOW_GRACE_MIN = 60;

/**
 * The window for one person: the campaign's own (if it sets one), else their department's, else the default.
 * The campaign wins because HR wrote it for exactly this group.
 */
export function windowFor(s: NudgeSettings, department: string | null, own?: Partial<SendWindow>): SendWindow {
  const base = s.groupWindows[department?.trim().toLowerCase() ?? ''] ?? s.window;
  return { from: own?.from ?? base.from, until: own?.until ?? base.until, days: own?.days ?? base.days };
}
