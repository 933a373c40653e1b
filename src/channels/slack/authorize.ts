import type { Authorize, webApi } from '@slack/bolt';

/**
 * One workspace, one bot token. Bolt's own single-workspace authorisation calls `auth.test` once in the App
 * constructor and keeps a failure for ever (or retries it for 30 minutes); this one remembers only success,
 * so a Slack outage at start-up heals with the next event. `botUserId`/`botId` let Bolt ignore our own messages.
 */
export function workspaceAuthorize(client: webApi.WebClient, botToken: string): Authorize {
  let identity: Promise<{ botId?: string; botUserId?: string }> | undefined;
  const load = async () => {
    const r = await client.auth.test({ token: botToken });
    return { botId: typeof r.bot_id === 'string' ? r.bot_id : undefined, botUserId: r.user_id };
  };
  return async () => {
    identity ??= load().catch((err: unknown) => {
      identity = undefined;
      throw err;
    });
    const { botId, botUserId } = await identity;
    return { botToken, ...(botId ? { botId } : {}), ...(botUserId ? { botUserId } : {}) };
  };
}
