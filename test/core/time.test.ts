import { describe, expect, it } from 'vitest';
import { localDate, startOfLocalDay, zonedTime } from '../../src/core/time.js';
import { parseWorkshopFilter } from '../../src/core/workshops/filter.js';
import { parseDateTime } from '../../src/core/time.js';

const TZ = 'Europe/Amsterdam';

describe('time in Europe/Amsterdam', () => {
  it('maps wall-clock times to instants on both sides of DST', () => {
    expect(zonedTime({ year: 2027, month: 3, day: 27, hour: 10 }, TZ).toISOString()).toBe('2027-03-27T09:00:00.000Z');
    expect(zonedTime({ year: 2027, month: 3, day: 29, hour: 10 }, TZ).toISOString()).toBe('2027-03-29T08:00:00.000Z');
    expect(zonedTime({ year: 2026, month: 10, day: 26, hour: 10 }, TZ).toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('finds local midnight on the day of a DST change (a 23-hour day)', () => {
    const start = startOfLocalDay(new Date('2027-03-28T12:00:00Z'), TZ);
    const next = startOfLocalDay(new Date('2027-03-28T12:00:00Z'), TZ, 1);
    expect(start.toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(next.toISOString()).toBe('2027-03-28T22:00:00.000Z');
    expect(localDate(next, TZ)).toMatchObject({ day: 29, hour: 0, weekday: 1 });
  });

  it('parses CSV times as local wall clock or ISO with offset, and rejects nonsense', () => {
    expect(parseDateTime('2027-03-16 10:00', TZ)?.toISOString()).toBe('2027-03-16T09:00:00.000Z');
    expect(parseDateTime('2027-07-16T10:00', TZ)?.toISOString()).toBe('2027-07-16T08:00:00.000Z');
    expect(parseDateTime('2027-03-16T10:00:00Z', TZ)?.toISOString()).toBe('2027-03-16T10:00:00.000Z');
    expect(parseDateTime('2027-03-16T10:00+01:00', TZ)?.toISOString()).toBe('2027-03-16T09:00:00.000Z');
    expect(parseDateTime('2027-04-31 10:00', TZ)).toBeNull();
    // Issue 17: the Dutch way is typed everywhere, ISO is accepted too.
    expect(parseDateTime('16-03-2027 10:00', TZ)?.toISOString()).toBe('2027-03-16T09:00:00.000Z');
    expect(parseDateTime('16-3-2027 9:05', TZ)?.toISOString()).toBe('2027-03-16T08:05:00.000Z');
    expect(parseDateTime('31-04-2027 10:00', TZ)).toBeNull();
    expect(parseDateTime('16-03-2027', TZ)).toBeNull();
    expect(parseDateTime('2027-03-16 25:00', TZ)).toBeNull();
  });

  it('reads day words in workshop filters as the next such day', () => {
    const now = new Date('2027-03-15T08:00:00Z'); // Monday 09:00 local
    const tue = parseWorkshopFilter('dinsdag stress', now, TZ);
    expect(tue.words).toEqual(['stress']);
    expect(tue.from.toISOString()).toBe('2027-03-15T23:00:00.000Z');
    expect(tue.until?.toISOString()).toBe('2027-03-16T23:00:00.000Z');
    const today = parseWorkshopFilter('today', now, TZ);
    expect(today.from).toEqual(now);
  });
});
