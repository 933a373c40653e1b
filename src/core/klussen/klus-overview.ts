import { DomainError } from '../errors.js';
import { hasRole, type Actor } from '../people/person.js';
import type { KlussenDeps } from './deps.js';
import type { InterestDetails, ManagedKlus } from './klus.js';

export interface KlusOverview {
  /** HR: every klus they may manage (all open ones); a team leader: only their own. */
  klussen: ManagedKlus[];
  /** Release requests waiting for this person as team leader. */
  releases: InterestDetails[];
}

/** The console's klussen page: the same reads as "mijn klussen" in chat, as data. */
export async function klusOverview(ctx: KlussenDeps, actor: Actor): Promise<KlusOverview> {
  const me = actor.person;
  const hr = hasRole(me, 'HR');
  if (!hr && !hasRole(me, 'MANAGER')) throw new DomainError('forbidden');
  const [managed, releases] = await Promise.all([ctx.klussen.managed(me.id, hr), ctx.klussen.pendingReleases(me.id)]);
  return { klussen: hr ? managed : managed.filter((k) => k.ownerId === me.id), releases };
}
