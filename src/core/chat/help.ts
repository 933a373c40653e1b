import { translator } from '../i18n/index.js';
import type { Message } from '../messages.js';
import { hasRole, type Actor } from '../people/person.js';

export function helpMessage(actor: Actor): Message {
  const tr = translator(actor.locale);
  const lines = [
    tr('help.workshops'),
    tr('help.klussen'),
    tr('help.reflect'),
    tr('help.my'),
    tr('help.my_klussen'),
    tr('help.skills'),
    tr('help.dossier'),
    tr('help.goal'),
    tr('help.programme'),
    tr('help.rhythm'),
    tr('help.pause'),
    tr('help.data'),
  ];
  if (hasRole(actor.person, 'MANAGER') || hasRole(actor.person, 'HR')) lines.push(tr('help.manager'));
  if (hasRole(actor.person, 'HR')) lines.push(tr('help.hr'), tr('help.manage_workshops'));
  lines.push(tr('help.language'));
  return {
    text: tr('help.title'),
    blocks: [
      { type: 'header', text: tr('help.title') },
      { type: 'text', text: tr('help.intro') },
      { type: 'text', text: lines.map((l) => `• ${l}`).join('\n') },
      {
        type: 'actions',
        buttons: [
          { action: 'nav.workshops', value: '', label: tr('workshops.title'), style: 'primary' },
          { action: 'nav.klussen', value: '', label: tr('klussen.title') },
          { action: 'nav.reflect', value: '', label: tr('reflect.title') },
          { action: 'nav.my', value: '', label: tr('my.title') },
        ],
      },
    ],
  };
}
