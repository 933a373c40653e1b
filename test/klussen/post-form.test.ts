import { describe, expect, it } from 'vitest';
import { encodeForm } from '../../src/channels/slack/render/form-value.js';
import { parseDay, parseWholeNumber, skillList } from '../../src/core/klussen/fields.js';
import type { Klus } from '../../src/core/klussen/klus.js';
import { klusValues, parseKlusForm, postForm, POST_LIMITS } from '../../src/core/klussen/post-form.js';
import { checkDecision, checkJoin, checkRelease, releaseFor } from '../../src/core/klussen/rules.js';
import { translator } from '../../src/core/klussen/texts.js';
import type { Person } from '../../src/core/people/person.js';
import { goodPost } from './support.js';

const now = new Date('2027-03-01T09:00:00Z');
const tz = 'Europe/Amsterdam';
const nl = translator('nl');
const en = translator('en');
const parse = (values: Record<string, string | string[]>, tr = nl, hasOrganization = true) =>
  parseKlusForm(values, { now, timezone: tz, hasOrganization }, tr);

describe('the post form', () => {
  it('turns a good submission into a klus: normalised skills, calendar dates, deadline at the end of its day', () => {
    const r = parse(goodPost({ skills: ['Archiveren', 'scannen ', 'archiveren'], hours: '6 uur', startsOn: '1-4-2027', endsOn: '30 juni 2027' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.skills).toEqual(['archiveren', 'scannen']);
    expect(r.value.hoursPerWeek).toBe(6);
    expect(r.value.startsOn.toISOString()).toBe('2027-04-01T00:00:00.000Z');
    expect(r.value.endsOn.toISOString()).toBe('2027-06-30T00:00:00.000Z');
    expect(r.value.openToRegion).toBe(true);
    // 20 March 2027, 23:59:59.999 in Amsterdam (CET, UTC+1).
    expect(r.value.deadline.toISOString()).toBe('2027-03-20T22:59:59.999Z');
    expect(parse(goodPost({ openTo: 'organisatie' })).ok && parse(goodPost({ openTo: 'organisatie' }))).toMatchObject({ value: { openToRegion: false } });
  });

  it('names every problem at once, in plain Dutch and in English', () => {
    const bad = { title: '', description: 'x'.repeat(POST_LIMITS.description + 1), skills: '', hours: 'veel', startsOn: '31-02-2027', endsOn: '2027-03-10', openTo: 'iedereen?', deadline: '2027-02-01' };
    const r = parse(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      'Vul “Titel” in.',
      '“Wat moet er gebeuren?” is te lang. Gebruik hoogstens 1000 tekens.',
      'Noem minstens één vaardigheid.',
      'Vul bij “Uren per week” een heel getal in, van 1 tot en met 40.',
      '“Begindatum”: “31-02-2027” is geen datum. Schrijf het zo: 15-04-2027.',
      'De datum bij “Aanmelden kan tot en met” is al voorbij.',
      'Kies wie mag meedoen: je eigen organisatie of iedereen in de regio.',
    ]);
    const e = parse(bad, en);
    expect(e.ok).toBe(false);
    if (!e.ok) expect(e.problems[0]).toBe('Please fill in “Title”.');
  });

  it('checks the period and the deadline against each other and today', () => {
    const problems = (over: Record<string, string>) => {
      const r = parse(goodPost(over));
      return r.ok ? [] : r.problems;
    };
    expect(problems({ startsOn: '2027-07-01' })).toEqual(['De einddatum ligt vóór de begindatum.']);
    expect(problems({ startsOn: '2027-01-01', endsOn: '2027-02-01', deadline: '2027-03-01' })).toEqual([
      'De einddatum is al voorbij.',
      'Aanmelden moet kunnen voordat de klus klaar is. Kies een datum tot en met de einddatum.',
    ]);
    // Today is still fine as a deadline; the hours must be whole and at most 40.
    expect(problems({ deadline: '2027-03-01' })).toEqual([]);
    expect(problems({ hours: '41' })).toHaveLength(1);
    expect(problems({ hours: '4,5' })).toHaveLength(1);
  });

  it('refuses "own organisation" for someone without one', () => {
    const r = parse(goodPost({ openTo: 'organisatie' }), nl, false);
    expect(r.ok ? [] : r.problems).toEqual(['Je hoort nog niet bij een organisatie. Kies daarom “Iedereen in de regio”.']);
    expect(postForm(nl, { hasOrganization: false }).fields.find((f) => f.id === 'openTo')!.options!.map((o) => o.value)).toEqual(['regio']);
  });

  it('comes back filled in, and a draft round-trips through the form', () => {
    const form = postForm(nl, { values: goodPost({ skills: ['excel', 'archief'] }), draftId: 'd-1', hasOrganization: true });
    expect(form.value).toBe('d-1');
    expect(form.fields.find((f) => f.id === 'skills')!.initial).toBe('excel, archief');
    const parsed = parse(goodPost());
    if (!parsed.ok) throw new Error('expected a valid form');
    const klus: Klus = { ...parsed.value, id: 'k', key: 'k', organizationId: 'o', organizationName: 'O', status: 'DRAFT', ownerId: 'p' };
    const again = parse(klusValues(klus, tz));
    expect(again).toEqual(parsed);
  });

  it('fits in a Slack button even when every field is filled to its limit', () => {
    const full = goodPost({
      title: 'T'.repeat(POST_LIMITS.title),
      description: 'Dit is een lange omschrijving van een klus met gewone woorden. '.repeat(16).slice(0, POST_LIMITS.description),
      skills: Array.from({ length: POST_LIMITS.skills }, (_, i) => `vaardigheid nummer ${i}`).join(', '),
      location: 'L'.repeat(POST_LIMITS.location),
    });
    for (const tr of [nl, en]) expect(encodeForm(postForm(tr, { values: full, draftId: '0b8f7a57-6a43-4d8e-9e1b-8e5b1c1f6d7e', hasOrganization: true }))).not.toBeNull();
  });
});

describe('field parsing', () => {
  it('reads days as people write them and rejects days that do not exist', () => {
    expect(parseDay('2027-04-15')).toEqual({ year: 2027, month: 4, day: 15 });
    expect(parseDay('15-4-2027')).toEqual({ year: 2027, month: 4, day: 15 });
    expect(parseDay('15/04/2027')).toEqual({ year: 2027, month: 4, day: 15 });
    expect(parseDay('15 apr 2027')).toEqual({ year: 2027, month: 4, day: 15 });
    expect(parseDay('1 October 2027')).toEqual({ year: 2027, month: 10, day: 1 });
    for (const bad of ['2027-02-29', '32-1-2027', 'morgen', '', '15 foo 2027']) expect(parseDay(bad), bad).toBeNull();
  });

  it('reads whole hours and skill lists from any channel', () => {
    expect(parseWholeNumber('8')).toBe(8);
    expect(parseWholeNumber('8.0')).toBe(8);
    expect(parseWholeNumber('8 hours')).toBe(8);
    expect(parseWholeNumber('8.5')).toBeNull();
    expect(skillList('Excel; archief |  Groen  onderhoud\nexcel')).toEqual(['excel', 'archief', 'groen onderhoud']);
    expect(skillList(['Excel', 'excel '])).toEqual(['excel']);
  });
});

describe('the rules', () => {
  const person = (over: Partial<Person> = {}): Person => ({
    id: 'p', name: 'P', email: null, locale: 'nl', timezone: null, organizationId: 'org-a', organizationName: 'A', department: null,
    educationLevel: null, roles: ['EMPLOYEE'], managerId: null, paused: false, skills: [], ...over,
  });
  const klus = (over: Partial<Klus> = {}): Klus => ({
    id: 'k', key: 'k', title: 'K', description: '', skills: [], hoursPerWeek: 4, startsOn: null, endsOn: null, location: null,
    organizationId: 'org-a', organizationName: 'A', openToRegion: false, deadline: new Date('2027-03-20'), status: 'OPEN', ownerId: 'owner', ...over,
  });
  const interest = { id: 'i', klusId: 'k', personId: 'p', motivation: '', status: 'INTERESTED' as const, releaseStatus: 'PENDING' as const, releaserId: 'm', decidedAt: null, updatedAt: now };

  it('asks the manager for release, unless there is none or the manager posted the klus', () => {
    expect(releaseFor({ managerId: null }, klus(), null)).toEqual({ releaseStatus: 'NOT_NEEDED', releaserId: null });
    expect(releaseFor({ managerId: 'm' }, klus(), null)).toEqual({ releaseStatus: 'PENDING', releaserId: 'm' });
    expect(releaseFor({ managerId: 'owner' }, klus(), null)).toEqual({ releaseStatus: 'APPROVED', releaserId: 'owner' });
    expect(releaseFor({ managerId: 'm' }, klus(), { releaseStatus: 'APPROVED', releaserId: 'm' }).releaseStatus).toBe('APPROVED');
    expect(releaseFor({ managerId: 'm2' }, klus(), { releaseStatus: 'APPROVED', releaserId: 'm' }).releaseStatus).toBe('PENDING');
  });

  it('lets people join open klussen of their own organisation or the region only', () => {
    expect(() => checkJoin(person(), klus(), now)).not.toThrow();
    expect(() => checkJoin(person({ organizationId: 'org-b' }), klus(), now)).toThrow('forbidden');
    expect(() => checkJoin(person({ organizationId: 'org-b' }), klus({ openToRegion: true }), now)).not.toThrow();
    expect(() => checkJoin(person({ id: 'owner' }), klus(), now)).toThrow('klus_own');
    expect(() => checkJoin(person(), klus({ deadline: new Date('2027-02-01') }), now)).toThrow('klus_closed');
    expect(() => checkJoin(person(), klus({ status: 'FILLED' }), now)).toThrow('klus_closed');
  });

  it('needs the hours released before choosing, and only the asked manager answers', () => {
    expect(() => checkDecision(interest, klus(), 'ACCEPTED', 'P')).toThrow('release_pending');
    expect(() => checkDecision({ ...interest, releaseStatus: 'DECLINED' }, klus(), 'ACCEPTED', 'P')).toThrow('release_declined');
    expect(() => checkDecision(interest, klus(), 'DECLINED', 'P')).not.toThrow();
    expect(() => checkDecision({ ...interest, releaseStatus: 'APPROVED' }, klus({ status: 'EXPIRED' }), 'ACCEPTED', 'P')).not.toThrow();
    expect(() => checkDecision({ ...interest, releaseStatus: 'APPROVED' }, klus({ status: 'FILLED' }), 'ACCEPTED', 'P')).toThrow('klus_closed');
    expect(checkRelease(person({ id: 'm' }), interest, 'P')).toBe('decide');
    expect(checkRelease(person({ id: 'm' }), { ...interest, releaseStatus: 'APPROVED' }, 'P')).toBe('already');
    expect(() => checkRelease(person({ id: 'owner', roles: ['HR'] }), interest, 'P')).toThrow('forbidden');
  });
});
