import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION } from '../../src/core/privacy/retention.js';
import { loadConfig } from '../../src/config.js';
import { configFails } from '../support/config.js';

const message = configFails;

describe('retention settings', () => {
  it('default to the documented periods and take 0 as keep forever', () => {
    expect(loadConfig({}).retention).toEqual({ outboxDays: 90, engagementDays: 365, scheduleRunDays: 30, auditDays: 730, inactiveMonths: 24, leaverMonths: 6 });
    expect(DEFAULT_RETENTION).toEqual(loadConfig({}).retention);
    const off = loadConfig({
      RETENTION_OUTBOX_DAYS: '0',
      RETENTION_ENGAGEMENT_DAYS: '0',
      RETENTION_SCHEDULE_RUNS_DAYS: '0',
      RETENTION_AUDIT_DAYS: '0',
      RETENTION_INACTIVE_MONTHS: ' 0 ',
      RETENTION_LEAVER_MONTHS: '0',
    });
    expect(off.retention).toEqual({ outboxDays: 0, engagementDays: 0, scheduleRunDays: 0, auditDays: 0, inactiveMonths: 0, leaverMonths: 0 });
    expect(loadConfig({ RETENTION_OUTBOX_DAYS: '30', RETENTION_INACTIVE_MONTHS: '12' }).retention).toMatchObject({ outboxDays: 30, inactiveMonths: 12 });
  });

  it.each([
    ['RETENTION_OUTBOX_DAYS', 'ninety', 'RETENTION_OUTBOX_DAYS must be a whole number of days: 0 (keep forever) or at least 14'],
    ['RETENTION_OUTBOX_DAYS', '7', 'RETENTION_OUTBOX_DAYS must be a whole number of days: 0 (keep forever) or at least 14'],
    ['RETENTION_ENGAGEMENT_DAYS', '-1', 'at least 30'],
    ['RETENTION_SCHEDULE_RUNS_DAYS', '1.5', 'RETENTION_SCHEDULE_RUNS_DAYS must be a whole number of days'],
    ['RETENTION_AUDIT_DAYS', '30', 'at least 180'],
    ['RETENTION_INACTIVE_MONTHS', '2', 'RETENTION_INACTIVE_MONTHS must be a whole number of months: 0 (keep forever) or at least 3'],
    ['RETENTION_LEAVER_MONTHS', 'half', 'RETENTION_LEAVER_MONTHS must be a whole number of months: 0 (keep forever) or at least 1'],
  ])('refuse %s=%s with a message naming it', (name, value, expected) => {
    const m = message({ [name]: value });
    expect(m.startsWith(`Invalid setting ${name}: `)).toBe(true);
    expect(m).toContain(expected);
  });

  it('refuse deleting engagement signals sooner than nudges look back for activity', () => {
    expect(message({ RETENTION_ENGAGEMENT_DAYS: '60', NUDGE_ACTIVITY_WEEKS: '12' })).toBe(
      'Invalid setting RETENTION_ENGAGEMENT_DAYS: must be 0 or at least 84 days (NUDGE_ACTIVITY_WEEKS is 12: nudges look back that far)',
    );
    expect(loadConfig({ RETENTION_ENGAGEMENT_DAYS: '84', NUDGE_ACTIVITY_WEEKS: '12' }).retention.engagementDays).toBe(84);
  });
});
