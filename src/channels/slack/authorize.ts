import type { Authorize, webApi } from '@slack/bolt';

export interface WorkspaceAuth {
  authorize: Authorize<boolean>;
  /** Looks the bot up now, so the first request does not wait for `auth.test` before its ack. */
  warm(): Promise<void>;
}

/**
 * One workspace, one bot token. Bolt's own single-workspace authorisation calls `auth.test` once in the App
 * constructor and keeps a failure for ever (or retries it for 30 minutes); this one remembers only success,
 * so a Slack outage at start-up heals with the next event. `botUserId`/`botId` let Bolt ignore our own messages.
 */
export function workspaceAuth(client: webApi.WebClient, botToken: string): WorkspaceAuth {
  let identity: Promise<{ botId?: string; botUserId?: string }> | undefined;
  const load = async () => {
    const r = await client.auth.test({ token: botToken });
    return { botId: typeof r.bot_id === 'string' ? r.bot_id : undefined, botUserId: r.user_id };
  };
  const lookup = () =>
    (identity ??= load().catch((err: unknown) => {
      identity = undefined;
      throw err;
    }));
  return {
    authorize: async () => {
      const { botId, botUserId } = await lookup();
      return { botToken, ...(botId ? { botId } : {}), ...(botUserId ? { botUserId } : {}) };
    },
    warm: async () => {
      await lookup();
    },
  };
}
