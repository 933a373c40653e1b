import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { ChannelUser } from '../../core/people/person.js';
import type { Logger } from '../../core/ports.js';

export interface SlackProfile {
  name?: string;
  email?: string;
  locale?: string;
  timezone?: string;
}

const userInfo = z.object({
  user: z
    .object({
      name: z.string().optional(),
      real_name: z.string().optional(),
      tz: z.string().optional(),
      locale: z.string().optional(),
      profile: z
        .object({
          display_name: z.string().optional(),
          real_name: z.string().optional(),
          // Present only with the users:read.email scope.
          email: z.string().optional(),
        })
        .partial()
        .optional(),
    })
    .passthrough(),
});

const nonEmpty = (...values: (string | undefined)[]) => values.find((v) => v !== undefined && v.trim() !== '')?.trim();

export function toProfile(data: unknown): SlackProfile {
  const parsed = userInfo.safeParse(data);
  if (!parsed.success) return {};
  const u = parsed.data.user;
  const profile: SlackProfile = {};
  const name = nonEmpty(u.profile?.real_name, u.real_name, u.profile?.display_name, u.name);
  if (name) profile.name = name;
  if (u.profile?.email) profile.email = u.profile.email;
  if (u.locale) profile.locale = u.locale;
  if (u.tz) profile.timezone = u.tz;
  return profile;
}

/**
 * Name, e-mail, language and time zone of Slack users from `users.info`, cached because every message would
 * otherwise cost a Tier 4 call. Its client rejects rate-limited calls: a throttled lookup falls back to what the
 * payload says rather than holding up the answer.
 */
export class UserDirectory {
  private readonly cache = new Map<string, { at: number; profile: SlackProfile }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly maxEntries = 10_000,
    private readonly failureTtlMs = 60 * 1000,
  ) {}

  cached(userId: string): SlackProfile | undefined {
    return this.cache.get(userId)?.profile;
  }

  async lookup(userId: string): Promise<SlackProfile> {
    const hit = this.cache.get(userId);
    if (hit && hit.at > Date.now()) return hit.profile;
    let profile: SlackProfile = {};
    let ttl = this.ttlMs;
    try {
      profile = toProfile(await this.client.users.info({ user: userId, include_locale: true }));
    } catch (err) {
      // Missing scope, deleted user, throttling: carry on with the payload's information.
      this.logger.warn('slack users.info failed', { userId, err: (err as { data?: { error?: string } }).data?.error ?? String(err) });
      ttl = this.failureTtlMs;
    }
    if (this.cache.size >= this.maxEntries) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.delete(userId);
    this.cache.set(userId, { at: Date.now() + ttl, profile });
    return profile;
  }
}

/** The core's view of a Slack user. `dmChannel` only when the input came from the person's DM with the bot. */
export function channelUser(teamId: string, userId: string, profile: SlackProfile, fallbackName?: string, dmChannel?: string): ChannelUser {
  const user: ChannelUser = { platform: 'SLACK', tenantId: teamId, userId };
  const name = profile.name ?? fallbackName;
  if (name) {
    user.name = name;
    user.nameSource = profile.name ? 'profile' : 'activity';
  }
  if (profile.email) user.email = profile.email;
  if (profile.locale) user.locale = profile.locale;
  if (profile.timezone) user.timezone = profile.timezone;
  if (dmChannel) user.conversationRef = { channel: dmChannel };
  return user;
}
