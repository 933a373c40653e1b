import { MIN_GROUP } from './settings.js';

/**
 * Which groups of a figure table show no activity figures (README "Privacy": the suppression rule).
 *
 * 1. Primary: a group of fewer than MIN_GROUP people.
 * 2. Complementary: once any group is hidden, the hidden groups together hold at least MIN_GROUP people and are at
 *    least two groups; else the smallest shown group is hidden too. A total (shown, or taken from another
 *    dimension) minus the shown groups then gives only the sum of a block of MIN_GROUP or more.
 * 3. Across dimensions: no figure of one dimension minus the figures of another that overlap it (or lie within
 *    it) leaves a set of 1 to MIN_GROUP - 1 people; else more is hidden.
 *
 * The choice depends on membership only, never on activity: a pattern that followed the values would leak them.
 */
export type Hidden = 'small' | 'complement';

export interface GroupSizeOf {
  group: string;
  people: number;
}

/** Rules 1 and 2 for one list of groups; `start` holds groups already hidden (by rule 3). */
export function suppressGroups(groups: GroupSizeOf[], start: Map<string, Hidden> = new Map()): Map<string, Hidden> {
  const hidden = new Map(start);
  for (const g of groups) if (g.people < MIN_GROUP) hidden.set(g.group, 'small');
  if (hidden.size === 0) return hidden;
  const shown = groups
    .filter((g) => !hidden.has(g.group))
    .sort((a, b) => a.people - b.people || a.group.localeCompare(b.group));
  const hiddenPeople = () => groups.filter((g) => hidden.has(g.group)).reduce((n, g) => n + g.people, 0);
  while ((hidden.size < 2 || hiddenPeople() < MIN_GROUP) && shown.length > 0) hidden.set(shown.shift()!.group, 'complement');
  return hidden;
}

/** One cell of the cross table of every dimension: how many people share these groups. */
export interface CrossCell {
  groups: Record<string, string>;
  people: number;
}

const BLOCK = '\u0000hidden';
const sum = (cells: CrossCell[]) => cells.reduce((n, c) => n + c.people, 0);
const small = (n: number) => n > 0 && n < MIN_GROUP;

/**
 * Rules 1 to 3 over several dimensions of the same people at once. For rule 3 a dimension's figures are its shown
 * groups plus its hidden block (the total may be known elsewhere). For every such figure `u` of one dimension and the
 * figures of another: the people that the figures overlapping `u` hold beyond it, and the people of `u` outside the
 * figures lying wholly within it, are none or at least MIN_GROUP. Hiding only grows, so the loop ends; at worst a
 * dimension is hidden whole, which always passes.
 */
export function suppressDimensions(dimensions: readonly string[], cells: CrossCell[]): Record<string, Map<string, Hidden>> {
  const sizes = (d: string): GroupSizeOf[] => {
    const by = new Map<string, number>();
    for (const c of cells) by.set(c.groups[d]!, (by.get(c.groups[d]!) ?? 0) + c.people);
    return [...by].map(([group, people]) => ({ group, people }));
  };
  const hidden: Record<string, Map<string, Hidden>> = {};
  for (const d of dimensions) hidden[d] = suppressGroups(sizes(d));
  const unit = (d: string, c: CrossCell) => (hidden[d]!.has(c.groups[d]!) ? BLOCK : c.groups[d]!);

  /** A shown group of `b` whose hiding breaks the small difference, or null when `a` against `b` passes. */
  const violation = (a: string, b: string): string | null => {
    for (const u of new Set(cells.map((c) => unit(a, c)))) {
      const inU = cells.filter((c) => unit(a, c) === u);
      const overlapping = new Set(inU.map((c) => unit(b, c)));
      const beyond = cells.filter((c) => unit(a, c) !== u && overlapping.has(unit(b, c)));
      const within = [...overlapping].filter((v) => cells.every((c) => unit(b, c) !== v || unit(a, c) === u));
      const outside = inU.filter((c) => !within.includes(unit(b, c)));
      const bad = small(sum(beyond)) ? beyond : within.length > 0 && small(sum(outside)) ? inU : null;
      if (!bad) continue;
      const shown = sizes(b).filter((g) => !hidden[b]!.has(g.group));
      const involved = shown.filter((g) => bad.some((c) => c.groups[b] === g.group));
      const pick = (involved.length ? involved : shown).sort((x, y) => x.people - y.people || x.group.localeCompare(y.group))[0];
      if (pick) return pick.group;
    }
    return null;
  };

  for (let changed = true; changed; ) {
    changed = false;
    for (const a of dimensions) {
      for (const b of dimensions) {
        if (a === b) continue;
        const group = violation(a, b);
        if (group === null) continue;
        hidden[b] = suppressGroups(sizes(b), new Map(hidden[b]!).set(group, 'complement'));
        changed = true;
      }
    }
  }
  return hidden;
}

/** Rules 1 and 2 for the variants of one campaign: a hidden variant is never the campaign minus the others. */
export function suppressVariants<T extends { campaignId: string; variant: string; sent: number }>(rows: T[]): Set<T> {
  const out = new Set<T>();
  for (const id of new Set(rows.map((r) => r.campaignId))) {
    const mine = rows.filter((r) => r.campaignId === id);
    const hidden = suppressGroups(mine.map((r) => ({ group: r.variant, people: r.sent })));
    for (const r of mine) if (hidden.has(r.variant)) out.add(r);
  }
  return out;
}
