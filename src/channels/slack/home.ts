import type { webApi } from '@slack/bolt';
import type { Bot } from '../../core/chat/bot.js';
import type { Actor } from '../../core/people/person.js';
import { renderViewBlocks } from './render/message.js';

/** The App Home tab: the person's overview (help, sign-ups, klussen, settings with the pause switch). */
export async function publishHome(client: webApi.WebClient, bot: Bot, actor: Actor, userId: string): Promise<void> {
  const home = await bot.home(actor);
  await client.views.publish({ user_id: userId, view: { type: 'home', blocks: renderViewBlocks(home, actor.locale) } });
}
