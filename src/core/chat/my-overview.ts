import type { CoreContext } from '../context.js';
import { formatSlot } from '../format.js';
import { translator } from '../i18n/index.js';
import type { Block, Message } from '../messages.js';
import type { Actor } from '../people/person.js';
import { cancelButton, encodeState } from '../workshops/render.js';

/** "mijn": sign-ups, klussen and settings; also the body of Slack's App Home. */
export async function myOverview(ctx: CoreContext, actor: Actor, notice?: string): Promise<Message> {
  const tr = translator(actor.locale);
  const now = ctx.clock.now();
  const [signups, klussen] = await Promise.all([
    ctx.workshops.mySignups(actor.person.id, now),
    ctx.klussen.myKlussen(actor.person.id),
  ]);
  const blocks: Block[] = [{ type: 'header', text: tr('my.title') }];
  if (notice) blocks.push({ type: 'text', text: notice });
  blocks.push({ type: 'header', text: tr('my.signups') });
  if (signups.length === 0) blocks.push({ type: 'text', text: tr('my.no_signups') });
  for (const s of signups) {
    const w = s.workshop;
    blocks.push({
      type: 'item',
      title: w.title,
      fields: [
        { label: tr('workshops.when'), value: formatSlot(w.startsAt, w.endsAt, actor.locale, ctx.settings.timezone) },
        {
          label: tr('workshops.status'),
          value:
            s.status === 'CONFIRMED'
              ? tr('workshops.you_are_signed_up')
              : tr('workshops.you_are_waiting', { position: s.position ?? '?' }),
        },
      ],
      buttons: [cancelButton('my.cancel', encodeState({ w: w.id, q: '', o: 0 }), w.title, tr)],
    });
  }
  blocks.push({ type: 'header', text: tr('my.klussen') });
  if (klussen.length === 0) blocks.push({ type: 'text', text: tr('my.no_klussen') });
  for (const k of klussen) {
    blocks.push({
      type: 'item',
      title: k.title,
      fields: [{ label: tr('workshops.status'), value: tr('klussen.status_interested') }],
      buttons: [{ action: 'klus.withdraw', value: k.id, label: tr('klussen.button_withdraw') }],
    });
  }
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
