import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { workshopIcs } from '../../src/core/workshops/ics.js';
import type { Workshop } from '../../src/core/workshops/workshop.js';

const workshop = (startsAt: string, endsAt: string, over: Partial<Workshop> = {}): Workshop & { sequence: number; updatedAt: Date } => ({
  id: '3f1c2a9e-8b7d-4c6e-9a1b-2c3d4e5f6a7b',
  key: 'miw-01',
  title: 'Privacy, veiligheid; en meer',
  description: 'Regel 1\nRegel 2 met een heel lange tekst die zeker langer is dan vijfenzeventig tekens zodat hij gevouwen wordt — ëèï',
  trainer: null,
  location: 'Stadhuis, Raadzaal',
  onlineUrl: null,
  startsAt: new Date(startsAt),
  endsAt: new Date(endsAt),
  capacity: 10,
  confirmedCount: 0,
  tags: [],
  signupDeadline: null,
  cancelled: false,
  icsToken: 'x',
  icsSequence: 2,
  openTo: [],
  sequence: 2,
  updatedAt: new Date('2027-01-01T00:00:00Z'),
  ...over,
});

const parse = (ics: string) => {
  const comp = new ICAL.Component(ICAL.parse(ics));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const event = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
  return { comp, event };
};

describe('workshop calendar file (RFC 5545)', () => {
  it('parses, with Europe/Amsterdam times right on both sides of the DST change', () => {
    // Friday 26 March 2027 10:00 CET, and Monday 29 March 2027 10:00 CEST.
    for (const [start, end] of [
      ['2027-03-26T09:00:00Z', '2027-03-26T11:00:00Z'],
      ['2027-03-29T08:00:00Z', '2027-03-29T10:00:00Z'],
    ]) {
      const ics = workshopIcs(workshop(start!, end!), { timezone: 'Europe/Amsterdam', host: 'vliegwiel.example' });
      expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
      const { event } = parse(ics);
      expect(event.startDate.toString()).toMatch(/T10:00:00$/);
      expect(event.component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Amsterdam');
      expect(event.startDate.toJSDate().toISOString()).toBe(new Date(start!).toISOString());
      expect(event.endDate.toJSDate().toISOString()).toBe(new Date(end!).toISOString());
      expect(event.summary).toBe('Privacy, veiligheid; en meer');
      expect(event.location).toBe('Stadhuis, Raadzaal');
      expect(event.description).toContain('Regel 1\nRegel 2');
      expect(event.description).toContain('ëèï');
      expect(event.uid).toBe('workshop-3f1c2a9e-8b7d-4c6e-9a1b-2c3d4e5f6a7b@vliegwiel.example');
      expect(event.sequence).toBe(2);
    }
  });

  it('marks a cancelled workshop so calendars remove it', () => {
    const ics = workshopIcs(workshop('2027-03-26T09:00:00Z', '2027-03-26T11:00:00Z', { cancelled: true }), { timezone: 'Europe/Amsterdam', host: 'h' });
    const { comp, event } = parse(ics);
    expect(comp.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('writes UTC times for other configured timezones', () => {
    const ics = workshopIcs(workshop('2027-03-26T09:00:00Z', '2027-03-26T11:00:00Z'), { timezone: 'UTC', host: 'h' });
    expect(ics).toContain('DTSTART:20270326T090000Z');
    expect(parse(ics).event.startDate.toJSDate().toISOString()).toBe('2027-03-26T09:00:00.000Z');
  });
});
