import { toLocale, type Actor } from '../core/people/person.js';
import type { DeliveryTarget } from '../core/ports.js';
import type { Prisma } from '../db/database.js';
import { personInclude, toPerson } from '../db/repos/people.js';
import type { ClaimedMessage } from './outbox-store.js';

/** The person behind an outbox row and their identity on the row's platform and tenant. */
export async function resolveRecipient(
  db: Prisma,
  row: Pick<ClaimedMessage, 'personId' | 'platform'>,
  defaultLocale: 'nl' | 'en' = 'nl',
): Promise<{ actor: Actor; target: DeliveryTarget; identityId: string } | null> {
  if (!row.personId) return null;
  const person = await db.person.findUnique({ where: { id: row.personId }, include: personInclude });
  if (!person || person.erasedAt) return null;
  const identity = await db.channelIdentity.findFirst({
    // The tenant is known only after the first contact of an imported person, so it ranks but does not filter.
    where: { personId: row.personId, platform: row.platform, unreachableAt: null },
    orderBy: [{ lastSeenAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
  });
  if (!identity) return null;
  const p = toPerson(person);
  return {
    actor: { person: p, platform: row.platform, locale: toLocale(p.locale, defaultLocale) },
    target: {
      platform: identity.platform,
      tenantId: identity.tenantId,
      userId: identity.userId,
      conversationRef: identity.conversationRef,
      serviceUrl: identity.serviceUrl,
    },
    identityId: identity.id,
  };
}
