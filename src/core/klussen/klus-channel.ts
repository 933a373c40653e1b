/**
 * An organisation's klus channel, where each new klus of the organisation is announced: `slack:<channel id>`.
 * Teams has none: the app is installed for personal chats, and a card's buttons answered in a team channel would
 * show one person's answer to everyone. A bare id (stored before the platform was part of the setting) is Slack's.
 */
const SLACK_CHANNEL = /^[CG][A-Z0-9]{6,}$/;

/** The Slack channel id of a stored setting, or null when it names none. */
export function klusChannelOf(setting: string | null | undefined): string | null {
  const v = (setting ?? '').trim();
  const id = v.toLowerCase().startsWith('slack:') ? v.slice(6) : v;
  return SLACK_CHANNEL.test(id) ? id : null;
}

/** The setting as stored, or why it is not one. */
export function klusChannelSetting(value: string): { ok: true; value: string } | { ok: false; reason: string } {
  if (value.trim().toLowerCase().startsWith('teams:')) {
    return {
      ok: false,
      reason: 'Klussen are announced in Slack channels only: in Teams, Vliegwiel works in personal chats, so that answers stay private.',
    };
  }
  const id = value.trim().toLowerCase().startsWith('slack:') ? klusChannelOf(value) : null;
  if (id) return { ok: true, value: `slack:${id}` };
  return { ok: false, reason: 'Give the channel as slack:<channel id>, e.g. slack:C0123ABCD (in Slack: the channel’s name › About › Channel ID).' };
}
