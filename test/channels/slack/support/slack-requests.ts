import { createHmac, randomBytes } from 'node:crypto';

export const SECRET = 'test-signing-secret';
export const TEAM = 'T1';

export const signature = (secret: string, ts: number, body: string) =>
  `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;

export interface PostOptions {
  secret?: string;
  /** Unix seconds; default now. */
  ts?: number;
  headers?: Record<string, string>;
  /** Leave out the signature headers. */
  unsigned?: boolean;
}

/** Posts a string body with the exact content type Slack uses (Bolt compares it exactly). */
export async function postSigned(url: string, body: string, contentType: string, o: PostOptions = {}) {
  const ts = o.ts ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType };
  if (!o.unsigned) {
    headers['x-slack-request-timestamp'] = String(ts);
    headers['x-slack-signature'] = signature(o.secret ?? SECRET, ts, body);
  }
  Object.assign(headers, o.headers);
  return fetch(url, { method: 'POST', headers, body });
}

const id = () => randomBytes(6).toString('hex');

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export function slashCommand(user: string, text: string, responseUrl: string, channel = 'C0GENERAL') {
  return form({
    token: 'legacy',
    team_id: TEAM,
    team_domain: 'fake',
    channel_id: channel,
    channel_name: 'general',
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/vliegwiel',
    text,
    api_app_id: 'A1',
    response_url: responseUrl,
    trigger_id: `trig.${id()}`,
  });
}

export function eventCallback(event: Record<string, unknown>, eventId = `Ev${id()}`) {
  return JSON.stringify({
    token: 'legacy',
    team_id: TEAM,
    api_app_id: 'A1',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM, user_id: 'UBOT', is_bot: true }],
  });
}

export const dmEvent = (user: string, text: string) => ({
  type: 'message',
  channel: `D${user}`,
  channel_type: 'im',
  user,
  text,
  ts: `${Date.now() / 1000}`,
  event_ts: `${Date.now() / 1000}`,
});

export const homeOpened = (user: string) => ({ type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: `${Date.now() / 1000}` });

export interface ShownButton {
  action_id: string;
  value?: string;
  url?: string;
  text: { text: string };
  block_id?: string;
}

/** Every button in Slack blocks, as a person sees them. */
export function buttonsIn(blocks: unknown): ShownButton[] {
  const out: ShownButton[] = [];
  for (const b of (blocks as { type: string; elements?: unknown[]; accessory?: unknown; block_id?: string }[]) ?? []) {
    for (const el of [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])] as (ShownButton & { type: string })[]) {
      if (el.type === 'button') out.push({ ...el, ...(b.block_id ? { block_id: b.block_id } : {}) });
    }
  }
  return out;
}

export type Where =
  | { kind: 'dm'; channel: string; ts: string }
  | { kind: 'ephemeral'; channel: string; responseUrl: string }
  /** A bot message everyone in a channel sees (an announcement). */
  | { kind: 'channel'; channel: string; ts: string; responseUrl: string }
  | { kind: 'home' };

/**
 * The block_actions payload Slack sends when this button is clicked where it was shown. Slack sends the clicked
 * message's blocks with a click on a message; pass them as `blocks`.
 */
export function click(user: string, button: ShownButton, where: Where, blocks?: unknown) {
  const action = { type: 'button', action_id: button.action_id, block_id: button.block_id ?? 'b1', text: { type: 'plain_text', text: button.text.text }, action_ts: `${Date.now() / 1000}`, ...(button.value !== undefined ? { value: button.value } : {}) };
  const container =
    where.kind === 'dm' || where.kind === 'channel'
      ? { type: 'message', message_ts: where.ts, channel_id: where.channel, is_ephemeral: false }
      : where.kind === 'ephemeral'
        ? { type: 'message', message_ts: `${Date.now() / 1000}`, channel_id: where.channel, is_ephemeral: true }
        : { type: 'view', view_id: 'VHOME' };
  const payload = {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM },
    api_app_id: 'A1',
    token: 'legacy',
    container,
    trigger_id: `trig.${id()}`,
    team: { id: TEAM, domain: 'fake' },
    ...(where.kind !== 'home' ? { channel: { id: where.channel, name: where.kind === 'channel' ? 'klussen' : 'directmessage' } } : {}),
    ...(where.kind === 'dm' || where.kind === 'channel' ? { message: { type: 'message', ts: where.ts, text: '', ...(blocks !== undefined ? { blocks } : {}) } } : {}),
    ...(where.kind === 'ephemeral' || where.kind === 'channel' ? { response_url: where.responseUrl } : {}),
    ...(where.kind === 'home' ? { view: { id: 'VHOME', type: 'home' } } : {}),
    actions: [action],
  };
  return form({ payload: JSON.stringify(payload) });
}
