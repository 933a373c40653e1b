import { describe, expect, it } from 'vitest';
import {
  deliverableNow,
  followUpMoments,
  latestSlot,
  nextQuietMoment,
  programmeStepDue,
  snoozeUntil,
  weekdayOf,
  dayNumber,
  zoneOr,
} from '../../src/core/reflection/rhythm.js';
import { themeForTags } from '../../src/core/reflection/themes.js';

const TZ = 'Europe/Amsterdam';
const tuesday10 = { weekday: 2, time: '10:00', everyDays: 7 };
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

describe('a person’s prompt rhythm in Europe/Amsterdam', () => {
  it('puts Tuesday 10:00 at 08:00 UTC in summer and 09:00 UTC in winter', () => {
    expect(iso(latestSlot(tuesday10, new Date('2027-07-13T12:00:00Z'), TZ)?.at)).toBe('2027-07-13T08:00:00.000Z');
    expect(iso(latestSlot(tuesday10, new Date('2027-01-12T12:00:00Z'), TZ)?.at)).toBe('2027-01-12T09:00:00.000Z');
    // The weeks around both DST changes: the local time stays 10:00.
    expect(iso(latestSlot(tuesday10, new Date('2027-03-23T09:30:00Z'), TZ)?.at)).toBe('2027-03-23T09:00:00.000Z');
    expect(iso(latestSlot(tuesday10, new Date('2027-03-30T09:30:00Z'), TZ)?.at)).toBe('2027-03-30T08:00:00.000Z');
    expect(iso(latestSlot(tuesday10, new Date('2027-10-26T09:30:00Z'), TZ)?.at)).toBe('2027-10-26T08:00:00.000Z');
    expect(iso(latestSlot(tuesday10, new Date('2027-11-02T09:30:00Z'), TZ)?.at)).toBe('2027-11-02T09:00:00.000Z');
  });

  it('is not due before the time has come, and a weekly slot is last week’s until then', () => {
    const before = new Date('2027-07-13T07:59:00Z');
    expect(iso(latestSlot(tuesday10, before, TZ)?.at)).toBe('2027-07-06T08:00:00.000Z');
    expect(deliverableNow(latestSlot(tuesday10, before, TZ)!.at, before, TZ)).toBe(false);
    const at = new Date('2027-07-13T08:00:00Z');
    expect(deliverableNow(latestSlot(tuesday10, at, TZ)!.at, at, TZ)).toBe(true);
  });

  it('keeps quiet hours: a chosen time outside 07:00–18:00 moves to the edge; a missed slot is not sent in the evening', () => {
    const early = { weekday: 3, time: '05:30', everyDays: 7 };
    expect(iso(latestSlot(early, new Date('2027-07-14T12:00:00Z'), TZ)?.at)).toBe('2027-07-14T05:00:00.000Z'); // 07:00 CEST
    const late = { weekday: 3, time: '21:00', everyDays: 7 };
    expect(iso(latestSlot(late, new Date('2027-07-14T17:00:00Z'), TZ)?.at)).toBe('2027-07-14T16:00:00.000Z'); // 18:00 CEST
    const slot = latestSlot(tuesday10, new Date('2027-07-13T17:00:00Z'), TZ)!.at;
    expect(deliverableNow(slot, new Date('2027-07-13T15:45:00Z'), TZ)).toBe(true); // 17:45
    expect(deliverableNow(slot, new Date('2027-07-13T17:00:00Z'), TZ)).toBe(false); // 19:00
    expect(deliverableNow(slot, new Date('2027-07-14T08:00:00Z'), TZ)).toBe(false); // the next day
  });

  it('supports every two weeks, every working day (no weekends) and off', () => {
    const biweekly = { weekday: 2, time: '10:00', everyDays: 14 };
    const a = latestSlot(biweekly, new Date('2027-07-13T12:00:00Z'), TZ)!;
    const b = latestSlot(biweekly, new Date('2027-07-20T12:00:00Z'), TZ)!;
    expect(b.day === a.day || b.day === a.day + 14).toBe(true);
    const c = latestSlot(biweekly, new Date('2027-07-27T12:00:00Z'), TZ)!;
    expect(c.day - a.day).toBe(14);
    const daily = { weekday: 1, time: '09:00', everyDays: 1 };
    const saturday = new Date('2027-07-17T12:00:00Z');
    expect(weekdayOf(latestSlot(daily, saturday, TZ)!.day)).toBe(5); // Friday's slot; none on Saturday
    expect(latestSlot({ ...tuesday10, everyDays: 0 }, saturday, TZ)).toBeNull();
    const sunday = { weekday: 7, time: '10:00', everyDays: 7 };
    expect(weekdayOf(latestSlot(sunday, new Date('2027-07-18T12:00:00Z'), TZ)!.day)).toBe(7); // chosen weekend day
  });

  it('snoozes to the next working day at the same time, within quiet hours', () => {
    expect(iso(snoozeUntil(new Date('2027-07-13T12:00:00Z'), TZ))).toBe('2027-07-14T12:00:00.000Z');
    expect(iso(snoozeUntil(new Date('2027-07-16T12:00:00Z'), TZ))).toBe('2027-07-19T12:00:00.000Z'); // Friday → Monday
    expect(iso(snoozeUntil(new Date('2027-07-13T19:30:00Z'), TZ))).toBe('2027-07-14T16:00:00.000Z'); // 21:30 → 18:00
    // Across the autumn DST change the wall clock time stays: Friday 14:00 CEST → Monday 14:00 CET.
    expect(iso(snoozeUntil(new Date('2027-10-29T12:00:00Z'), TZ))).toBe('2027-11-01T13:00:00.000Z');
  });

  it('plans follow-ups 1 day, 1 week and 3 weeks after a workshop, off the weekend, at the person’s time', () => {
    const friday = new Date('2027-03-19T14:00:00Z'); // Friday 15:00 CET
    const m = followUpMoments(friday, { time: '10:00' }, TZ);
    expect(m.map((x) => [x.stage, iso(x.due)])).toEqual([
      ['1d', '2027-03-22T09:00:00.000Z'], // Saturday → Monday
      ['1w', '2027-03-26T09:00:00.000Z'],
      ['3w', '2027-04-09T08:00:00.000Z'], // after DST: still 10:00 local
    ]);
  });

  it('waits for quiet hours and working days with programme steps', () => {
    expect(iso(nextQuietMoment(new Date('2027-07-13T12:00:00Z'), TZ))).toBe('2027-07-13T12:00:00.000Z');
    expect(iso(nextQuietMoment(new Date('2027-07-13T19:00:00Z'), TZ))).toBe('2027-07-14T05:00:00.000Z');
    expect(iso(nextQuietMoment(new Date('2027-07-17T09:00:00Z'), TZ))).toBe('2027-07-19T05:00:00.000Z');
    expect(iso(nextQuietMoment(new Date('2027-07-13T04:00:00Z'), TZ))).toBe('2027-07-13T05:00:00.000Z');
    const start = new Date('2027-07-12T12:00:00Z'); // Monday
    expect(iso(programmeStepDue(start, 0, { time: '10:00' }, TZ))).toBe('2027-07-12T08:00:00.000Z');
    expect(iso(programmeStepDue(start, 5, { time: '10:00' }, TZ))).toBe('2027-07-19T08:00:00.000Z'); // Saturday → Monday
    expect(dayNumber({ year: 1970, month: 1, day: 1 })).toBe(0);
  });

  it('uses a person’s own timezone when it is a real one', () => {
    expect(zoneOr('Europe/London', TZ)).toBe('Europe/London');
    expect(zoneOr('Mars/Olympus_Mons', TZ)).toBe(TZ);
    expect(zoneOr(null, TZ)).toBe(TZ);
    expect(iso(latestSlot(tuesday10, new Date('2027-07-13T12:00:00Z'), zoneOr('Europe/London', TZ))?.at)).toBe('2027-07-13T09:00:00.000Z');
  });

  it('maps workshop tags onto prompt themes', () => {
    expect(themeForTags(['mentaal', 'stress'])).toBe('vitality');
    expect(themeForTags(['Talent', 'tekenen'])).toBe('talent');
    expect(themeForTags(['digitaal', 'excel'])).toBe('change');
    expect(themeForTags(['leiderschap'])).toBe('working-together');
    expect(themeForTags(['kennis', 'privacy'])).toBe('craft');
    expect(themeForTags(['onbekend'])).toBe('self-insight');
  });
});
