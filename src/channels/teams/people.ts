import { referenceOf, type InboundActivity, type TeamsTurn } from './activity-types.js';
import type { ChannelUser } from '../../core/people/person.js';
import type { Logger } from '../../core/ports.js';
import type { ChannelIdentities } from '../../core/people/channel-identities.js';

const ROSTER_TIMEOUT_MS = 3000;

export const tenantOf = (a: InboundActivity): string =>
  a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? '';

/** The stable id of a Teams user: the Entra object id (the `29:` id differs per bot). */
export const userIdOf = (a: InboundActivity): string => a.from?.aadObjectId ?? a.from?.id ?? '';

const looksLikeEmail = (s: string | undefined): s is string => !!s && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s);

/**
 * The user's e-mail address and name from the Teams roster, so a first contact links to the person HR imported.
 * The roster call costs a round trip, so it is made only for users the bot has not seen yet, and its failure (guest
 * accounts, a slow connector) only means no link by e-mail.
 */
async function rosterEntry(context: TeamsTurn, logger: Logger): Promise<{ email?: string; name?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no roster answer within ${ROSTER_TIMEOUT_MS} ms`)), ROSTER_TIMEOUT_MS);
    });
    const member = await Promise.race([context.member(context.activity.from.id), timeout]);
    const email = looksLikeEmail(member.email) ? member.email : looksLikeEmail(member.userPrincipalName) ? member.userPrincipalName : undefined;
    return { ...(email ? { email } : {}), ...(member.name?.trim() ? { name: member.name.trim() } : {}) };
  } catch (err) {
    logger.info('teams: roster lookup failed; the person is not linked by e-mail', {
      reason: err instanceof Error ? err.message : String(err),
    });
    return {};
  } finally {
    clearTimeout(timer);
  }
}

export class TeamsPeople {
  constructor(
    private readonly identities: ChannelIdentities,
    private readonly logger: Logger,
  ) {}

  /** The chat user behind an activity, with the reference the outbox needs to write to them later. */
  async channelUser(context: TeamsTurn): Promise<ChannelUser> {
    const a = context.activity;
    const tenantId = tenantOf(a);
    const userId = userIdOf(a);
    const roster = (await this.identities.isKnown('TEAMS', tenantId, userId)) ? {} : await rosterEntry(context, this.logger);
    // The roster's name is better than the activity's (an install event may carry none at all).
    const name = roster.name ? { name: roster.name, nameSource: 'roster' as const } : a.from?.name ? { name: a.from.name, nameSource: 'activity' as const } : {};
    return {
      platform: 'TEAMS',
      tenantId,
      userId,
      ...name,
      ...(roster.email ? { email: roster.email } : {}),
      ...(a.locale ? { locale: a.locale } : {}),
      ...(a.localTimezone ? { timezone: a.localTimezone } : {}),
      conversationRef: referenceOf(a),
      serviceUrl: a.serviceUrl,
    };
  }

  /** The user removed the app: the outbox stops trying until they write again (identify clears the mark). */
  async markUnreachable(a: InboundActivity, reason: string): Promise<void> {
    await this.identities.markUnreachable('TEAMS', tenantOf(a), userIdOf(a), reason);
  }
}
