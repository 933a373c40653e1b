import { describe, expect, it } from 'vitest';
import { configFails } from '../support/config.js';
import { loadConfig } from '../../src/config.js';
import { DEFAULT_NUDGE_SETTINGS } from '../../src/core/nudges/settings.js';

const fails = configFails;

describe('nudge settings', () => {
  it('defaults to office hours on working days, an early window for buitendienst, one nudge a week', () => {
    expect(loadConfig({}).nudges).toEqual(DEFAULT_NUDGE_SETTINGS);
  });

  it('reads every setting, group days defaulting to NUDGE_DAYS', () => {
    const n = loadConfig({
      NUDGE_HOURS: '08:30-16:00',
      NUDGE_DAYS: '1-4',
      NUDGE_GROUP_HOURS: 'Buitendienst=06:30-14:30; zwembad=10:00-18:00@2-6',
      NUDGE_CAP_DAYS: '14',
      NUDGE_ACTIVITY_WEEKS: '6',
      NUDGE_DIGEST_CRON: '30 7 * * 5',
    }).nudges;
    expect(n).toEqual({
      window: { from: 510, until: 960, days: [1, 2, 3, 4] },
      groupWindows: { buitendienst: { from: 390, until: 870, days: [1, 2, 3, 4] }, zwembad: { from: 600, until: 1080, days: [2, 3, 4, 5, 6] } },
      capDays: 14,
      activityWeeks: 6,
      digestCron: '30 7 * * 5',
    });
    expect(loadConfig({ NUDGE_GROUP_HOURS: '' }).nudges.groupWindows).toEqual({});
  });

  it('stops start-up on a bad value, naming the setting', () => {
    expect(fails({ NUDGE_HOURS: '17:00-09:00' })).toMatch(/^Invalid setting NUDGE_HOURS:/);
    expect(fails({ NUDGE_DAYS: 'ma-vr' })).toMatch(/^Invalid setting NUDGE_DAYS:/);
    expect(fails({ NUDGE_GROUP_HOURS: 'buitendienst' })).toMatch(/^Invalid setting NUDGE_GROUP_HOURS:/);
    expect(fails({ NUDGE_CAP_DAYS: '0' })).toMatch(/^Invalid setting NUDGE_CAP_DAYS:/);
    expect(fails({ NUDGE_ACTIVITY_WEEKS: 'vier' })).toMatch(/^Invalid setting NUDGE_ACTIVITY_WEEKS:/);
    expect(fails({ NUDGE_DIGEST_CRON: '0 0 8 * * 1' })).toMatch(/^Invalid setting NUDGE_DIGEST_CRON:/);
  });
});
