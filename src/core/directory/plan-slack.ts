import type { SlackMember } from './directory-source.js';
import type { StoredPerson, SyncPlan } from './directory-store.js';
import { emptyPlan } from './plan-directory.js';

/**
 * Slack `users.list` against the people: members are linked by e-mail (a person not yet known is created, as a
 * first message would), deactivated or deleted accounts are no longer reachable there and the person is
 * deactivated, unless Entra ID governs them (they have a directory id). Bots and Slackbot are skipped.
 */
export function planSlack(stored: StoredPerson[], members: SlackMember[]): SyncPlan {
  const plan = emptyPlan('slack');
  const bySlack = new Map<string, StoredPerson>();
  for (const p of stored) for (const id of p.slackIds) bySlack.set(id, p);
  const byEmail = new Map(stored.filter((p) => p.email).map((p) => [p.email!, p]));
  const emails = new Set<string>();
  for (const m of members) {
    if (m.isBot || m.id === 'USLACKBOT') continue;
    const person = bySlack.get(m.id) ?? (m.email ? byEmail.get(m.email) : undefined) ?? null;
    if (m.deleted) {
      if (!person) continue;
      if (person.slackIds.includes(m.id)) plan.unreachable.push({ platform: 'SLACK', userId: m.id, reason: 'slack account deactivated' });
      if (!person.directoryId && person.deactivatedBy === null) plan.deactivate.push(person.id);
      continue;
    }
    if (!m.email) {
      plan.refused.push({ record: `slack:${m.id}`, reason: 'no e-mail address (the app needs the users:read.email scope, or the member is a guest without one)' });
      continue;
    }
    if (emails.has(m.email)) {
      plan.refused.push({ record: m.email, reason: 'a second Slack account with the same e-mail address' });
      continue;
    }
    emails.add(m.email);
    if (!person) {
      const key = `new:${m.id}`;
      plan.creates.push({ key, name: m.name || m.email, email: m.email, locale: m.locale?.toLowerCase().startsWith('en') ? 'en' : m.locale ? 'nl' : null });
      plan.identities.push({ person: key, platform: 'SLACK', userId: m.id });
      continue;
    }
    if (!person.slackIds.includes(m.id)) plan.identities.push({ person: person.id, platform: 'SLACK', userId: m.id });
    if (person.deactivatedBy === 'slack') plan.reactivate.push(person.id);
  }
  return plan;
}
