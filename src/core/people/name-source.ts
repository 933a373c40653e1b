/**
 * Where a person's name came from, worst first. A first contact may carry no name at all (the Teams install
 * event), so the chat user id stands in; the name from a later activity, the roster or the profile corrects it,
 * and an imported name (HR's own data) is never overwritten by a chat platform.
 */
export type NameSource = 'id' | 'activity' | 'roster' | 'profile' | 'import';

const RANK: Record<NameSource, number> = { id: 0, activity: 1, roster: 2, profile: 2, import: 3 };

/** Ids that are no name: an Entra object id (GUID), a Slack user id, a Teams `29:` id. */
export const looksLikeId = (name: string, userIds: readonly string[] = []) =>
  userIds.includes(name) ||
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(name) ||
  /^[UW][A-Z0-9]{8,}$/.test(name) ||
  /^\d+:/.test(name);

/** The source of a stored name; rows from before sources were kept count as imported unless the name is an id. */
export function storedSource(name: string, source: string | null, userIds: readonly string[]): NameSource {
  if (source && source in RANK) return source as NameSource;
  return looksLikeId(name, userIds) ? 'id' : 'import';
}

/** The name to store instead, or null when the stored one is as good or better. */
export function betterName(
  stored: { name: string; source: NameSource },
  incoming: { name?: string | undefined; source?: NameSource | undefined },
): { name: string; source: NameSource } | null {
  const name = incoming.name?.trim();
  if (!name || name === stored.name) return null;
  const source = looksLikeId(name) ? 'id' : (incoming.source ?? 'activity');
  return RANK[source] > RANK[stored.source] ? { name, source } : null;
}
