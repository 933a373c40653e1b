import type { Person } from '../people/person.js';
import type { WorkshopForPerson } from '../workshops/workshop.js';
import type { WorkshopsRepository } from '../workshops/workshops-repository.js';

export const CHOSEN = 3;
const LOOK_AHEAD_DAYS = 60;

/** How well a workshop fits a person: themes that match their skills or department, then a free seat. */
function fit(w: WorkshopForPerson, p: Person): number {
  const words = new Set([...p.skills, ...(p.department ? [p.department.toLowerCase()] : [])]);
  const themes = w.tags.map((t) => t.toLowerCase());
  const text = `${w.title} ${w.description}`.toLowerCase();
  const matches = [...words].filter((x) => themes.includes(x) || text.includes(x)).length;
  const seats = w.capacity - w.confirmedCount > 0 ? 1 : 0;
  return matches * 2 + seats;
}

/**
 * Up to three workshops for this person: open to them, not yet chosen by them, sign-up still open, best fit
 * first and the soonest among equals. "Bekijk 3 workshops voor jou" is only said when there are three.
 */
export async function chooseWorkshops(repo: WorkshopsRepository, person: Person, now: Date): Promise<WorkshopForPerson[]> {
  const { items } = await repo.listForPerson({
    personId: person.id,
    organizationId: person.organizationId,
    words: [],
    from: now,
    until: new Date(now.getTime() + LOOK_AHEAD_DAYS * 86_400_000),
    limit: 50,
    offset: 0,
  });
  return items
    .filter((w) => !w.myStatus && !w.cancelled && (!w.signupDeadline || w.signupDeadline.getTime() > now.getTime()))
    .map((w, i) => ({ w, i, score: fit(w, person) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, CHOSEN)
    .map((x) => x.w);
}
