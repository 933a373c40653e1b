import type { RowError } from '../import/csv.js';

/** One person of an import with their team leader: undefined = the file does not say (keep the stored one). */
export interface ManagerLink {
  line: number;
  email: string;
  managerEmail: string | null | undefined;
}

/** Stored people by e-mail (not erased): their current team leader's e-mail, or null. Unknown e-mails are absent. */
export type StoredManagers = (emails: string[]) => Promise<Map<string, string | null>>;

/**
 * Checks the team leaders of a file against itself and what is stored: a team leader must be in the file (before
 * or after the row) or already known, possibly in another organisation of the region, and nobody may end up as
 * their own (indirect) team leader. Every problem is named by the physical line of the row it concerns.
 */
export async function checkManagers(links: ManagerLink[], stored: StoredManagers): Promise<RowError[]> {
  const errors: RowError[] = [];
  const inFile = new Map(links.map((l) => [l.email, l]));
  const known = new Map<string, string | null>();
  const fetched = new Set<string>();
  const fetch = async (emails: Iterable<string>) => {
    const missing = [...new Set(emails)].filter((e) => !fetched.has(e));
    if (missing.length === 0) return false;
    missing.forEach((e) => fetched.add(e));
    for (const [e, m] of await stored(missing)) known.set(e, m);
    return true;
  };
  await fetch(links.flatMap((l) => (l.managerEmail ? [l.email, l.managerEmail] : [l.email])));
  for (const l of links) {
    if (l.managerEmail && !inFile.has(l.managerEmail) && !known.has(l.managerEmail)) {
      errors.push({ line: l.line, message: `manager_email: no person with e-mail ${l.managerEmail} in this file or already known` });
    }
  }
  // Who leads whom once the file is stored: the file's word where it has one, else what is stored.
  const next = (email: string): string | null => {
    const l = inFile.get(email);
    if (l && l.managerEmail !== undefined) return l.managerEmail;
    return known.get(email) ?? null;
  };
  // Stored chains may run outside the file; fetch them a level at a time until every chain ends or repeats.
  const climbed = new Set<string>();
  for (let frontier = links.map((l) => l.email); frontier.length; ) {
    frontier.forEach((e) => climbed.add(e));
    await fetch(frontier);
    frontier = [...new Set(frontier.map(next).filter((m): m is string => m !== null && !climbed.has(m)))];
  }
  const done = new Set<string>();
  for (const l of links) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    for (let at: string | null = l.email; at !== null && !done.has(at); at = next(at)) {
      const seenAt = onPath.get(at);
      if (seenAt !== undefined) {
        const circle = path.slice(seenAt);
        const shown = [...circle, at].join(' → ');
        for (const member of circle) {
          const row = inFile.get(member);
          const message = circle.length === 1 ? 'a person cannot be their own team leader' : `team leaders go round in a circle (${shown})`;
          if (row) errors.push({ line: row.line, message: `manager_email: ${message}` });
        }
        break;
      }
      onPath.set(at, path.length);
      path.push(at);
    }
    path.forEach((p) => done.add(p));
  }
  return errors.sort((a, b) => a.line - b.line);
}
