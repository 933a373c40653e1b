import type { Feature } from '../feature.js';
import { translator } from '../i18n/index.js';
import type { Block, Message } from '../messages.js';
import type { Actor } from '../people/person.js';

/** "mijn": each feature's section (sign-ups, klussen), then the settings; also the body of Slack's App Home. */
export async function myOverview(actor: Actor, features: readonly Feature[], notice?: string): Promise<Message> {
  const tr = translator(actor.locale);
  const blocks: Block[] = [{ type: 'header', text: tr('my.title') }];
  if (notice) blocks.push({ type: 'text', text: notice });
  const sections = await Promise.all(features.map((f) => f.my?.(actor) ?? Promise.resolve([])));
  for (const s of sections) blocks.push(...s);
  blocks.push({ type: 'header', text: tr('my.settings') });
  blocks.push({ type: 'text', text: `${tr('my.language')}\n${actor.person.paused ? tr('my.paused') : tr('my.active')}` });
  blocks.push({
    type: 'actions',
    buttons: [
      actor.person.paused
        ? { action: 'settings.resume', value: '', label: tr('my.button_resume'), style: 'primary' }
        : { action: 'settings.pause', value: '', label: tr('my.button_pause') },
    ],
  });
  return { text: notice ?? tr('my.title'), blocks };
}
