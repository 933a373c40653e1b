import { toLocale, type Actor, type Role } from '../core/people/person.js';
import type { DeliveryTarget, Platform } from '../core/ports.js';

/** The person behind an outbox row, and where to reach them on the row's platform. */
export interface Recipient {
  actor: Actor;
  target: DeliveryTarget;
  /** The person's chat identity; null for a row addressed to a channel. */
  identityId: string | null;
  /** Set when the person has no chat account and the row goes to their team leader: the person's name. */
  relayFor?: string;
}

/** Person and identity columns as the claim statement returns them (null when erased or without identity). */
export interface RecipientColumns {
  pId: string | null;
  pName: string | null;
  pEmail: string | null;
  pLocale: string | null;
  pTimezone: string | null;
  pOrganizationId: string | null;
  pOrganizationName: string | null;
  pDepartment: string | null;
  pEducationLevel: string | null;
  pRoles: string[] | null;
  pManagerId: string | null;
  pPaused: boolean | null;
  pSkills: string[] | null;
  ciId: string | null;
  ciPlatform: Platform | null;
  ciTenantId: string | null;
  ciUserId: string | null;
  ciConversationRef: unknown;
  ciServiceUrl: string | null;
  /** The identity is the team leader's (a person without a chat account), with the leader's language. */
  ciVia?: boolean | null;
  ciViaLocale?: string | null;
}

export function recipientOf(c: RecipientColumns, platform: Platform, defaultLocale: 'nl' | 'en'): Recipient | null {
  if (!c.pId || !c.ciId || !c.ciUserId) return null;
  const locale = c.pLocale === 'nl' || c.pLocale === 'en' ? c.pLocale : null;
  return {
    actor: {
      person: {
        id: c.pId,
        name: c.pName ?? '',
        email: c.pEmail,
        locale,
        timezone: c.pTimezone,
        organizationId: c.pOrganizationId,
        organizationName: c.pOrganizationName,
        department: c.pDepartment,
        educationLevel: c.pEducationLevel,
        roles: (c.pRoles ?? []) as Role[],
        managerId: c.pManagerId,
        paused: c.pPaused ?? false,
        skills: c.pSkills ?? [],
      },
      platform,
      // A relayed message is read by the team leader: in the leader's language.
      locale: c.ciVia ? toLocale(c.ciViaLocale, defaultLocale) : toLocale(locale, defaultLocale),
    },
    target: {
      platform: c.ciPlatform ?? platform,
      tenantId: c.ciTenantId ?? '',
      userId: c.ciUserId,
      conversationRef: c.ciConversationRef ?? null,
      serviceUrl: c.ciServiceUrl,
    },
    identityId: c.ciId,
    ...(c.ciVia ? { relayFor: c.pName ?? '' } : {}),
  };
}

/**
 * A row addressed to a Slack channel instead of a person (an organisation's klus channel, `payload.channel`),
 * written in the region's language by no one in particular.
 */
export function channelRecipient(payload: Record<string, unknown>, platform: Platform, tenantId: string, locale: 'nl' | 'en'): Recipient | null {
  const channel = typeof payload.channel === 'string' ? payload.channel : '';
  if (!channel || platform !== 'SLACK') return null;
  const person = {
    id: '',
    name: 'Vliegwiel',
    email: null,
    locale,
    timezone: null,
    organizationId: null,
    organizationName: null,
    department: null,
    educationLevel: null,
    roles: [],
    managerId: null,
    paused: false,
    skills: [],
  };
  return {
    actor: { person, platform, locale },
    // The channel stands in for the user: it is what the outbox spaces messages by, one conversation.
    target: { platform, tenantId, userId: channel, conversationRef: channel, serviceUrl: null },
    identityId: null,
  };
}
