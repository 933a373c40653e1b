import { describe, expect, it } from 'vitest';
import { band } from '../../src/core/nudges/activity.js';
import { fill } from '../../src/core/nudges/campaign.js';
import { deliverable } from '../../src/core/nudges/compose.js';
import { digestMessage, tipFor } from '../../src/core/nudges/digest.js';
import { isoWeek } from '../../src/core/nudges/nudge-service.js';
import { lastWeeks } from '../../src/core/nudges/report.js';
import { DEFAULT_NUDGE_SETTINGS, windowFor } from '../../src/core/nudges/settings.js';
import { assignVariant } from '../../src/core/nudges/variant.js';
import { inWindow, localDay, nextInWindow, parseDays, parseGroupWindows, parseHours } from '../../src/core/nudges/window.js';
import { translator } from '../../src/core/nudges/texts.js';

const TZ = 'Europe/Amsterdam';
const OFFICE = DEFAULT_NUDGE_SETTINGS.window;
const OUTDOOR = windowFor(DEFAULT_NUDGE_SETTINGS, 'Buitendienst');
const iso = (d: Date) => d.toISOString();

describe('send windows', () => {
  it('parses hours, days and per-group windows, and rejects what is not one', () => {
    expect(parseHours('07:00-15:30')).toEqual({ from: 420, until: 930 });
    expect(parseHours('17:00-09:00')).toBeNull();
    expect(parseHours('7-15')).toBeNull();
    expect(parseDays('1-5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('6,1-2')).toEqual([1, 2, 6]);
    expect(parseDays('0-5')).toBeNull();
    expect(parseGroupWindows('Buitendienst=07:00-15:00;zwembad=10:00-18:00@1-6', [1, 2, 3, 4, 5])).toEqual({
      buitendienst: { from: 420, until: 900, days: [1, 2, 3, 4, 5] },
      zwembad: { from: 600, until: 1080, days: [1, 2, 3, 4, 5, 6] },
    });
    expect(parseGroupWindows('buitendienst', [1])).toBeNull();
  });

  it('gives outdoor teams their early window and everyone else the office window; a campaign window wins', () => {
    expect(OUTDOOR).toEqual({ from: 7 * 60, until: 15 * 60, days: [1, 2, 3, 4, 5] });
    expect(windowFor(DEFAULT_NUDGE_SETTINGS, 'DIV')).toEqual(OFFICE);
    expect(windowFor(DEFAULT_NUDGE_SETTINGS, null)).toEqual(OFFICE);
    expect(windowFor(DEFAULT_NUDGE_SETTINGS, 'buitendienst', { from: 6 * 60 })).toEqual({ ...OUTDOOR, from: 360 });
  });

  it('moves a moment outside the window to the next start, skipping the weekend', () => {
    // Monday 1 March 2027, 06:00 local (CET = UTC+1).
    const early = new Date('2027-03-01T05:00:00Z');
    expect(iso(nextInWindow(early, OUTDOOR, TZ))).toBe('2027-03-01T06:00:00.000Z'); // 07:00 local
    expect(iso(nextInWindow(early, OFFICE, TZ))).toBe('2027-03-01T08:00:00.000Z'); // 09:00 local
    // Friday 16:00 local: outdoor has ended, office has not.
    const friday = new Date('2027-03-05T15:00:00Z');
    expect(iso(nextInWindow(friday, OFFICE, TZ))).toBe(iso(friday));
    expect(iso(nextInWindow(friday, OUTDOOR, TZ))).toBe('2027-03-08T06:00:00.000Z'); // Monday 07:00
    // Saturday noon.
    expect(iso(nextInWindow(new Date('2027-03-06T11:00:00Z'), OFFICE, TZ))).toBe('2027-03-08T08:00:00.000Z');
  });

  it('keeps local time across DST: 07:00 is 06:00 UTC in winter and 05:00 UTC in summer', () => {
    // Sunday 28 March 2027 clocks go forward; Sunday 31 October 2027 they go back.
    expect(iso(nextInWindow(new Date('2027-03-27T12:00:00Z'), OUTDOOR, TZ))).toBe('2027-03-29T05:00:00.000Z');
    expect(iso(nextInWindow(new Date('2027-03-26T15:00:00Z'), OUTDOOR, TZ))).toBe('2027-03-29T05:00:00.000Z');
    expect(iso(nextInWindow(new Date('2027-10-30T12:00:00Z'), OUTDOOR, TZ))).toBe('2027-11-01T06:00:00.000Z');
    expect(inWindow(new Date('2027-03-29T05:00:00Z'), OUTDOOR, TZ)).toBe(true);
    expect(inWindow(new Date('2027-03-29T04:59:00Z'), OUTDOOR, TZ)).toBe(false);
    expect(localDay(new Date('2027-10-31T23:30:00Z'), TZ)).toBe(localDay(new Date('2027-11-01T12:00:00Z'), TZ));
  });

  it('delivers a planned nudge only on its own day, inside the window plus a short grace', () => {
    const monday = new Date('2027-03-01T08:00:00Z'); // 09:00 local
    const day = localDay(monday, TZ);
    expect(deliverable(monday, OFFICE, TZ, day)).toBe(true);
    expect(deliverable(new Date('2027-03-01T16:30:00Z'), OFFICE, TZ, day)).toBe(true); // 17:30, within the grace
    expect(deliverable(new Date('2027-03-01T19:00:00Z'), OFFICE, TZ, day)).toBe(false); // 20:00
    expect(deliverable(new Date('2027-03-02T08:00:00Z'), OFFICE, TZ, day)).toBe(false); // the next day
    expect(deliverable(new Date('2027-03-06T10:00:00Z'), OFFICE, TZ, undefined)).toBe(false); // Saturday
  });
});

describe('A/B variants', () => {
  it('gives a person the same variant every time, and splits a group about evenly', () => {
    const variants = [{ key: 'A' }, { key: 'B' }];
    const ids = Array.from({ length: 2000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const first = ids.map((id) => assignVariant(variants, 'mbo-voorjaar', id).key);
    expect(ids.map((id) => assignVariant(variants, 'mbo-voorjaar', id).key)).toEqual(first);
    const a = first.filter((k) => k === 'A').length;
    expect(a).toBeGreaterThan(900);
    expect(a).toBeLessThan(1100);
    // Another campaign mixes people differently: variant A is not always the same people.
    const other = ids.map((id) => assignVariant(variants, 'leerweek', id).key);
    expect(other.filter((k, i) => k !== first[i]).length).toBeGreaterThan(800);
  });

  it('fills the first name and the count', () => {
    expect(fill('Hoi {name}! Bekijk {count} workshops.', { count: 3, name: 'Kees van Dalen' })).toBe('Hoi Kees! Bekijk 3 workshops.');
  });
});

describe('team figures in bands', () => {
  it('puts none and all of a team into bands that hold other counts too, for every team size of five or more', () => {
    for (let size = 5; size <= 300; size++) {
      const counts = { low: [] as number[], mid: [] as number[], high: [] as number[] };
      for (let active = 0; active <= size; active++) counts[band(active, size)].push(active);
      expect(counts.low[0], `size ${size}`).toBe(0);
      expect(counts.high.at(-1), `size ${size}`).toBe(size);
      for (const b of ['low', 'mid', 'high'] as const) expect(counts[b].length, `${b} of ${size}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('writes the same digest for a team where nobody did anything as for one where one person did', () => {
    const tr = translator('nl');
    const opts = { week: '2027-W10', activityWeeks: 4 };
    const text = (active: number, size: number) => JSON.stringify(digestMessage(tr, { size, active, upcomingWorkshops: 3 }, opts));
    expect(text(0, 6)).toBe(text(1, 6));
    expect(text(5, 6)).toBe(text(6, 6));
    expect(text(0, 6)).not.toMatch(/\b0\b|\bniemand\b/);
    // A small team gets no figures at all, whatever they are.
    expect(JSON.stringify(digestMessage(tr, { size: 4, active: null, upcomingWorkshops: 3 }, opts))).toContain('minder dan 5');
    expect(tipFor(null, '2027-W10')).not.toBe(tipFor(null, '2027-W11'));
  });
});

describe('weeks and week keys', () => {
  it('counts local weeks from Monday midnight, 167 hours in the DST week', () => {
    const weeks = lastWeeks(new Date('2027-04-01T10:00:00Z'), 3, TZ);
    expect(weeks.map((w) => w.label)).toEqual(['2027-03-15', '2027-03-22', '2027-03-29']);
    expect((weeks[1]!.end.getTime() - weeks[1]!.start.getTime()) / 3_600_000).toBe(167);
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'), TZ)).toBe('2026-W53');
    expect(isoWeek(new Date('2027-03-01T08:00:00Z'), TZ)).toBe('2027-W09');
  });
});
