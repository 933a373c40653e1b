import type { SlackDirectory, SlackMember } from '../core/directory/directory-source.js';
import { DirectoryUnavailableError } from '../core/directory/directory-source.js';
import { fetchPatiently, jsonOrFail, type RetryOptions } from './http.js';

interface SlackUser {
  id: string;
  team_id?: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  is_app_user?: boolean;
  locale?: string;
  profile?: { email?: string; real_name?: string; display_name?: string };
}

/**
 * Slack `users.list` with plain fetch: paged by cursor (200 a page, as Slack advises), Tier 2 rate limited, so a
 * 429 waits for Retry-After. The same SLACK_API_URL and bot token as the bot itself.
 */
export class SlackUsers implements SlackDirectory {
  constructor(
    private readonly apiUrl: string,
    private readonly token: string,
    private readonly retry?: RetryOptions,
  ) {}

  async members(): Promise<SlackMember[]> {
    const out: SlackMember[] = [];
    let cursor = '';
    const base = this.apiUrl.endsWith('/') ? this.apiUrl : `${this.apiUrl}/`;
    do {
      const body = new URLSearchParams({ limit: '200', include_locale: 'true', ...(cursor ? { cursor } : {}) });
      const res = await fetchPatiently(
        `${base}users.list`,
        { method: 'POST', body, headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/x-www-form-urlencoded' } },
        'users.list',
        this.retry,
      );
      const page = await jsonOrFail<{ ok: boolean; error?: string; members?: SlackUser[]; response_metadata?: { next_cursor?: string } }>(res, 'users.list');
      if (!page.ok) {
        const hint = page.error === 'missing_scope' ? ' (the app needs the users:read and users:read.email scopes)' : '';
        throw new DirectoryUnavailableError(`users.list: ${page.error ?? 'not ok'}${hint}`);
      }
      for (const u of page.members ?? []) {
        const email = u.profile?.email?.trim().toLowerCase() || null;
        out.push({
          id: u.id,
          teamId: u.team_id ?? '',
          email,
          name: (u.profile?.real_name || u.real_name || u.profile?.display_name || u.name || '').trim(),
          deleted: u.deleted === true,
          isBot: u.is_bot === true || u.is_app_user === true,
          locale: u.locale ?? null,
        });
      }
      cursor = page.response_metadata?.next_cursor ?? '';
    } while (cursor);
    return out;
  }
}
