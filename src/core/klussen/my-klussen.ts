import type { KlussenDeps } from './deps.js';
import { translator, type Translate } from './texts.js';
import type { Block, Button, Message } from '../messages.js';
import { hasRole, type Actor } from '../people/person.js';
import type { ManagedKlus } from './klus.js';
import { candidatesButton, withdrawButton } from './render.js';
import { mayPost } from './rules.js';

/**
 * "mijn klussen": what a person has to do with klussen, by role — the klussen they posted (HR: every open
 * one), the release requests waiting for them as a manager, and the klussen they raised a hand for.
 */
export async function myKlussen(ctx: KlussenDeps, actor: Actor): Promise<Message> {
  const tr = translator(actor.locale);
  const me = actor.person;
  const hr = hasRole(me, 'HR');
  const poster = mayPost(me);
  const [managed, releases, joined] = await Promise.all([
    poster ? ctx.klussen.managed(me.id, hr) : Promise.resolve([]),
    ctx.klussen.pendingReleases(me.id),
    ctx.klussen.myInterests(me.id),
  ]);
  const blocks: Block[] = [{ type: 'header', text: tr('klus.mine.title') }];

  if (poster) {
    const own = managed.filter((k) => k.ownerId === me.id);
    blocks.push({ type: 'header', text: tr('klus.mine.owned') });
    if (own.length === 0) blocks.push({ type: 'text', text: tr('klus.mine.owned_none') });
    for (const k of own) blocks.push(managedItem(k, tr));
    blocks.push({ type: 'actions', buttons: [{ action: 'nav.post-klus', value: '', label: tr('klus.mine.post'), style: 'primary' }] });
    const others = managed.filter((k) => k.ownerId !== me.id);
    if (others.length) {
      blocks.push({ type: 'header', text: tr('klus.mine.all_open') });
      for (const k of others) blocks.push(managedItem(k, tr));
    }
  }

  if (releases.length) {
    blocks.push({ type: 'header', text: tr('klus.mine.releases') });
    for (const r of releases) {
      blocks.push({
        type: 'item',
        title: `${r.candidateName} – ${r.klus.title}`,
        text: r.motivation ? tr('klus.msg.release_motivation', { name: r.candidateName, motivation: r.motivation }) : tr('klus.candidates.no_motivation'),
        buttons: releaseButtons(r.id, tr),
      });
    }
  }

  blocks.push({ type: 'header', text: tr('klus.mine.joined') });
  if (joined.length === 0) blocks.push({ type: 'text', text: tr('klus.mine.joined_none') });
  for (const { klus, interest } of joined) {
    const fields = [{ label: tr('klussen.status'), value: tr(`klus.interest.${interest.status}`) }];
    if (interest.releaseStatus !== 'NOT_NEEDED') {
      fields.push({ label: tr('klus.candidates.release'), value: tr(`klus.release_status.${interest.releaseStatus}`) });
    }
    const active = interest.status === 'INTERESTED' || interest.status === 'ACCEPTED';
    blocks.push({ type: 'item', title: klus.title, fields, ...(active ? { buttons: [withdrawButton(klus.id, tr)] } : {}) });
  }
  return { text: tr('klus.mine.title'), blocks };
}

export const releaseButtons = (interestId: string, tr: Translate): Button[] => [
  { action: 'klus.release.approve', value: interestId, label: tr('klus.release.approve'), style: 'primary' },
  { action: 'klus.release.decline', value: interestId, label: tr('klus.release.decline'), style: 'danger' },
];

function managedItem(k: ManagedKlus, tr: Translate): Block {
  const fields = [
    { label: tr('klussen.status'), value: tr(`klus.state.${k.status}`) },
    { label: tr('klussen.button_candidates'), value: String(k.candidates) },
  ];
  const buttons: Button[] =
    k.status === 'DRAFT'
      ? [
          { action: 'klus.publish', value: k.id, label: tr('klus.preview.publish'), style: 'primary' },
          { action: 'klus.edit', value: k.id, label: tr('klus.preview.edit') },
        ]
      : [candidatesButton(k.id, tr)];
  return { type: 'item', title: k.title, fields, buttons };
}
