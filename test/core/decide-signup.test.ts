import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/errors.js';
import { decideSignup, type SignupState } from '../../src/core/workshops/decide-signup.js';
import { matchSkills, rankKlussen } from '../../src/core/klussen/match.js';

const base: SignupState = {
  now: new Date('2027-03-01T00:00:00Z'),
  startsAt: new Date('2027-03-16T09:00:00Z'),
  capacity: 2,
  confirmedCount: 0,
  signupDeadline: null,
  cancelled: false,
  existing: null,
  overlapsWith: null,
  allowed: true,
};

const code = (s: Partial<SignupState>) => {
  try {
    decideSignup({ ...base, ...s });
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'no error';
};

describe('decideSignup', () => {
  it('confirms while seats are free and waitlists when full', () => {
    expect(decideSignup(base)).toBe('confirm');
    expect(decideSignup({ ...base, confirmedCount: 2 })).toBe('waitlist');
  });
  it('is harmless twice', () => {
    expect(decideSignup({ ...base, existing: 'CONFIRMED', cancelled: true })).toBe('already_confirmed');
    expect(decideSignup({ ...base, existing: 'WAITLISTED' })).toBe('already_waitlisted');
  });
  it('refuses with a coded reason', () => {
    expect(code({ allowed: false })).toBe('forbidden');
    expect(code({ cancelled: true })).toBe('workshop_cancelled');
    expect(code({ now: new Date('2027-03-16T09:00:00Z') })).toBe('workshop_past');
    expect(code({ signupDeadline: new Date('2027-02-28T00:00:00Z') })).toBe('workshop_closed');
    expect(code({ overlapsWith: 'Excel' })).toBe('workshop_overlap');
  });
});

describe('klus matching', () => {
  const klus = (title: string, skills: string[], deadline?: string) =>
    ({ id: title, key: title, title, description: '', skills, hoursPerWeek: null, startsOn: null, endsOn: null, location: null,
       organizationId: null, organizationName: null, openToRegion: true, deadline: deadline ? new Date(deadline) : null, status: 'OPEN' as const, ownerId: null });

  it('counts matching skills case-insensitively, confirmed skills double', () => {
    expect(matchSkills(['Excel', 'Planning'], ['excel']).matched).toEqual(['Excel']);
    expect(matchSkills(['excel'], [], ['excel']).score).toBeGreaterThan(matchSkills(['excel'], ['excel']).score);
  });

  it('ranks best match first, then nearest deadline', () => {
    const ranked = rankKlussen(
      [klus('geen', ['tekenen']), klus('twee', ['excel', 'planning']), klus('een-laat', ['excel'], '2027-06-01'), klus('een-vroeg', ['excel'], '2027-04-01')],
      ['excel', 'planning'],
    ).map((r) => r.klus.title);
    expect(ranked).toEqual(['twee', 'een-vroeg', 'een-laat', 'geen']);
  });
});
