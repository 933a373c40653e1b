import { randomUUID } from 'node:crypto';

/** A Teams user in a personal chat with the bot, as Teams describes them in activities. */
export interface TeamsUser {
  aadObjectId: string;
  /** The bot-specific `29:` id. */
  id: string;
  name: string;
  locale: string;
  tenantId: string;
  conversationId: string;
}

export const BOT_ID = '28:vliegwiel-bot';

export function aTeamsUser(over: Partial<TeamsUser> = {}): TeamsUser {
  const aad = randomUUID();
  return {
    aadObjectId: aad,
    id: `29:1${aad.replace(/-/g, '')}`,
    name: 'Sanne de Vries',
    locale: 'nl-NL',
    tenantId: '72f988bf-0000-4000-8000-000000000001',
    conversationId: `a:1conv${aad.replace(/-/g, '')}`,
    ...over,
  };
}

function base(serviceUrl: string, user: TeamsUser, type: string) {
  return {
    type,
    id: `${Date.now()}${Math.floor(Math.random() * 1e6)}`,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    localTimezone: 'Europe/Amsterdam',
    channelId: 'msteams',
    serviceUrl,
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: BOT_ID, name: 'Vliegwiel' },
    conversation: { id: user.conversationId, conversationType: 'personal', tenantId: user.tenantId },
    channelData: { tenant: { id: user.tenantId } },
    locale: user.locale,
  };
}

export const messageActivity = (serviceUrl: string, user: TeamsUser, text: string) => ({
  ...base(serviceUrl, user, 'message'),
  text,
  textFormat: 'plain',
});

/** What Teams sends when a user adds the app in personal scope: the bot joins the 1:1 chat. */
export const installActivity = (serviceUrl: string, user: TeamsUser) => ({
  ...base(serviceUrl, user, 'conversationUpdate'),
  membersAdded: [{ id: BOT_ID }],
  channelData: { tenant: { id: user.tenantId }, eventType: undefined },
});

export const uninstallActivity = (serviceUrl: string, user: TeamsUser) => ({
  ...base(serviceUrl, user, 'installationUpdate'),
  action: 'remove',
});

/** An Action.Execute click: Teams merges the card's input values into `data`. */
export const invokeActivity = (serviceUrl: string, user: TeamsUser, verb: string, data: Record<string, unknown>) => ({
  ...base(serviceUrl, user, 'invoke'),
  name: 'adaptiveCard/action',
  replyToId: '1700000000000',
  value: { action: { type: 'Action.Execute', id: randomUUID(), verb, data }, trigger: 'manual' },
});

export interface Posted {
  status: number;
  body: unknown;
}

export async function post(botUrl: string, activity: unknown, token?: string): Promise<Posted> {
  const res = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: res.status, body };
}
