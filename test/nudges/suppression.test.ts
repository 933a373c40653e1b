import { describe, expect, it } from 'vitest';
import { suppressDimensions, suppressGroups, suppressVariants } from '../../src/core/nudges/suppression.js';
import { rank } from './support-attacker.js';

const DIMS = ['department', 'organization', 'education'] as const;
type Person = Record<(typeof DIMS)[number], string>;

const cellsOf = (people: Person[]) => {
  const by = new Map<string, { groups: Person; people: number }>();
  for (const p of people) {
    const k = DIMS.map((d) => p[d]).join('|');
    by.set(k, { groups: p, people: (by.get(k)?.people ?? 0) + 1 });
  }
  return [...by.values()];
};

/** Sets of 1 to 4 people (a group, a cell of the cross table, one person) whose activity follows from what is shown. */
function leaks(people: Person[]): string[] {
  const hidden = suppressDimensions(DIMS, cellsOf(people));
  const row = (set: Person[]) => people.map((p) => (set.includes(p) ? 1 : 0));
  const eqs = DIMS.flatMap((d) => [...new Set(people.map((p) => p[d]))].filter((g) => !hidden[d]!.has(g)).map((g) => row(people.filter((p) => p[d] === g))));
  const base = rank(eqs);
  const sets = [
    ...DIMS.flatMap((d) => [...new Set(people.map((p) => p[d]))].map((g) => people.filter((p) => p[d] === g))),
    ...cellsOf(people).map((c) => people.filter((p) => DIMS.every((d) => p[d] === c.groups[d]))),
    ...people.map((p) => [p]),
  ];
  return sets
    .filter((s) => s.length > 0 && s.length < 5 && rank([...eqs, row(s)]) === base)
    .map((s) => s.map((p) => DIMS.map((d) => p[d]).join('/')).join(' + '));
}

const many = (n: number, p: Person) => Array.from({ length: n }, () => ({ ...p }));

describe('the suppression rule', () => {
  it('hides a second group when one group is too small, and more until the hidden ones hold five people', () => {
    expect([...suppressGroups([{ group: 'a', people: 3 }, { group: 'b', people: 9 }, { group: 'c', people: 6 }])]).toEqual([['a', 'small'], ['c', 'complement']]);
    expect([...suppressGroups([{ group: 'a', people: 1 }, { group: 'b', people: 2 }, { group: 'c', people: 6 }, { group: 'd', people: 7 }]).keys()]).toEqual(['a', 'b', 'c']);
    expect(suppressGroups([{ group: 'a', people: 5 }, { group: 'b', people: 6 }]).size).toBe(0);
  });

  it('stops the sum across dimensions of the issue (organisations 4 active, hbo 2 + mbo 2 = 4, so vmbo/wo 0)', () => {
    const people = [
      ...many(5, { department: 'x', organization: 'A', education: 'hbo' }),
      ...many(5, { department: 'x', organization: 'B', education: 'mbo' }),
      { department: 'x', organization: 'A', education: 'vmbo' },
      { department: 'x', organization: 'B', education: 'wo' },
    ];
    const hidden = suppressDimensions(DIMS, cellsOf(people));
    expect([...hidden.education!.keys()].sort()).toEqual(['hbo', 'mbo', 'vmbo', 'wo']);
    expect(leaks(people)).toEqual([]);
  });

  it('stops a department that lies within an organisation from giving away the rest of it', () => {
    // Organisation A = Groen (6) + one person of Post: A minus Groen is that one person, though nothing is small.
    const people = [
      ...many(6, { department: 'groen', organization: 'A', education: 'hbo' }),
      { department: 'post', organization: 'A', education: 'hbo' },
      ...many(4, { department: 'post', organization: 'B', education: 'hbo' }),
      ...many(6, { department: 'balie', organization: 'B', education: 'hbo' }),
    ];
    expect(leaks(people)).toEqual([]);
    const hidden = suppressDimensions(DIMS, cellsOf(people));
    expect(hidden.department!.size + hidden.organization!.size).toBeGreaterThan(0);
  });

  it('leaves no set of fewer than five people to be worked out in 300 random organisations', () => {
    let seed = 17;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const found: string[] = [];
    for (let t = 0; t < 300; t++) {
      const size = 5 + rnd(35);
      const depts = 1 + rnd(5);
      const people = Array.from({ length: size }, () => ({
        department: `d${rnd(depts)}`,
        organization: `o${rnd(1 + rnd(3))}`,
        education: ['hbo', 'mbo', 'vmbo', 'wo', ''][rnd(5)]!,
      }));
      for (const l of leaks(people)) found.push(`case ${t}: ${l}`);
    }
    expect(found.slice(0, 5)).toEqual([]);
  });

  it('hides a variant of a campaign with the next one, so the campaign minus the other is never the small one', () => {
    const rows = [
      { campaignId: 'c', variant: 'A', sent: 40 },
      { campaignId: 'c', variant: 'B', sent: 3 },
      { campaignId: 'd', variant: 'A', sent: 20 },
      { campaignId: 'd', variant: 'B', sent: 21 },
    ];
    expect([...suppressVariants(rows)].map((r) => `${r.campaignId}${r.variant}`).sort()).toEqual(['cA', 'cB']);
  });
});
