/**
 * An organisation's klus channel, where each new klus of the organisation is announced: `slack:<channel id>` or
 * `teams:<channel conversation id>`. A bare id (stored before the platform was part of the setting) is on the
 * platform where the klus's owner is seen.
 */
export interface KlusChannel {
  platform: 'SLACK' | 'TEAMS' | null;
  channel: string;
}

const SLACK_CHANNEL = /^[CG][A-Z0-9]{6,}$/;
const TEAMS_CHANNEL = /^19:[^\s]+@thread\.(tacv2|skype)$/;

export function parseKlusChannel(value: string): KlusChannel {
  const v = value.trim();
  if (v.toLowerCase().startsWith('slack:')) return { platform: 'SLACK', channel: v.slice(6) };
  if (v.toLowerCase().startsWith('teams:')) return { platform: 'TEAMS', channel: v.slice(6) };
  return { platform: null, channel: v };
}

/** The setting as stored, or why it is not one: a Slack channel id (C…/G…) or a Teams channel id (19:…@thread.tacv2). */
export function klusChannelSetting(value: string): { ok: true; value: string } | { ok: false; reason: string } {
  const { platform, channel } = parseKlusChannel(value);
  if (platform === 'SLACK' && SLACK_CHANNEL.test(channel)) return { ok: true, value: `slack:${channel}` };
  if (platform === 'TEAMS' && TEAMS_CHANNEL.test(channel)) return { ok: true, value: `teams:${channel}` };
  return {
    ok: false,
    reason: 'Give the channel as slack:<channel id> (e.g. slack:C0123ABCD, from the channel details) or teams:<channel id> (e.g. teams:19:abc…@thread.tacv2, from "Get link to channel").',
  };
}
