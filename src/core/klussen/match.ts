import { normaliseSkill } from '../people/person.js';
import type { Klus } from './klus.js';

export interface SkillMatch {
  /** Wanted skills the person has (as the klus spells them). */
  matched: string[];
  /** Higher is better: confirmed skills weigh double, a share of the wanted skills breaks ties. */
  score: number;
}

/** How well a person's skills fit a klus. `confirmed` are skills a klus owner confirmed earlier. */
export function matchSkills(wanted: string[], own: string[], confirmed: string[] = []): SkillMatch {
  const mine = new Set(own.map(normaliseSkill));
  const sure = new Set(confirmed.map(normaliseSkill));
  const matched = wanted.filter((s) => mine.has(normaliseSkill(s)) || sure.has(normaliseSkill(s)));
  const weight = matched.reduce((sum, s) => sum + (sure.has(normaliseSkill(s)) ? 2 : 1), 0);
  const share = wanted.length === 0 ? 0 : matched.length / wanted.length;
  return { matched, score: weight + share };
}

/** Best match first; equal matches by nearest deadline, then title. */
export function rankKlussen<K extends Klus>(klussen: K[], own: string[], confirmed: string[] = []) {
  return klussen
    .map((k) => ({ klus: k, match: matchSkills(k.skills, own, confirmed) }))
    .sort(
      (a, b) =>
        b.match.score - a.match.score ||
        (a.klus.deadline?.getTime() ?? Infinity) - (b.klus.deadline?.getTime() ?? Infinity) ||
        a.klus.title.localeCompare(b.klus.title),
    );
}
