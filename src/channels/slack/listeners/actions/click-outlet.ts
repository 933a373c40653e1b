import type { RespondFn, webApi } from '@slack/bolt';
import type { Logger } from '../../../../core/ports.js';
import { channelOutlet, dmOutlet, responseOutlet, type Outlet } from '../../outlets.js';
import { isDm, type BlockActionPayload } from '../payloads.js';

/**
 * Where the answer to a click goes, by where the button was: in the bot's DM the message is updated with
 * chat.update and answers follow in the DM; an ephemeral message (a slash command's answer) only has its
 * response_url; a message in a shared channel is left alone and answers go to the DM; the App Home is redrawn by
 * the caller and answers go to the DM.
 */
export function clickOutlet(p: BlockActionPayload, client: webApi.WebClient, respond: RespondFn | undefined, logger: Logger): Outlet {
  const dm = dmOutlet(client, p.user.id);
  const container = p.container;
  if (container?.type === 'view') return dm;
  const channel = container?.channel_id ?? p.channel?.id;
  const ts = container?.message_ts ?? p.message?.ts;
  if (!container?.is_ephemeral && isDm(channel)) return channelOutlet(client, channel, ts);
  // A message everyone in a channel sees (a klus announcement) stays as it is; the person's answer is theirs alone.
  if (!container?.is_ephemeral && channel) return dm;
  return respond ? responseOutlet(respond, dm, logger) : dm;
}

/** Whether the click's answer redraws the clicked message itself (the bot's DM, or an ephemeral answer). */
export function editsClicked(p: BlockActionPayload): boolean {
  const container = p.container;
  if (container?.type === 'view') return false;
  const channel = container?.channel_id ?? p.channel?.id;
  if (!container?.is_ephemeral && isDm(channel)) return true;
  return !!container?.is_ephemeral && !!p.response_url;
}
