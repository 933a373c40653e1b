import { translatorFor, type CommonKey, type Texts, type Translate as TranslateWith } from '../i18n/index.js';

/** The learning weeks' mistakes, as HR reads them on the console's forms (B1 Dutch and English). */
export const nl = {
  'week.field_name': 'Naam',
  'week.field_key': 'Code',
  'week.field_starts': 'Eerste dag',
  'week.field_ends': 'Laatste dag',
  'week.field_week': 'Leerweek',
  'week.required': '{field}: vul dit in.',
  'week.bad_day': '{field}: ik snap “{value}” niet. Schrijf de dag zo: 15-04-2027.',
  'week.bad_key': 'Code: gebruik alleen kleine letters, cijfers en streepjes, zoals miw-2027.',
  'week.key_taken': 'Code: “{key}” is al in gebruik. Kies een andere code.',
  'week.bad_order': 'De laatste dag ligt voor de eerste dag. Draai ze om.',
  'week.too_long': 'Een leerweek duurt hoogstens {days} dagen. Kies een latere eerste dag of een eerdere laatste dag.',
  'week.workshops_outside': '{count, plural, one {# workshop van deze week valt dan buiten de nieuwe data} other {# workshops van deze week vallen dan buiten de nieuwe data}}. Verplaats ze eerst, of kies andere data.',
  'week.unknown': 'Leerweek: deze week bestaat niet meer. Kies een andere week.',
  'week.outside': 'Leerweek: de workshop valt niet in {week} ({from} tot en met {to}). Kies een andere week of een andere dag.',
} as const;

export const en: Record<keyof typeof nl, string> = {
  'week.field_name': 'Name',
  'week.field_key': 'Code',
  'week.field_starts': 'First day',
  'week.field_ends': 'Last day',
  'week.field_week': 'Learning week',
  'week.required': '{field}: fill this in.',
  'week.bad_day': '{field}: I do not understand “{value}”. Write the day like this: 15-04-2027.',
  'week.bad_key': 'Code: use only lower-case letters, digits and hyphens, like miw-2027.',
  'week.key_taken': 'Code: “{key}” is already in use. Choose another code.',
  'week.bad_order': 'The last day is before the first day. Swap them.',
  'week.too_long': 'A learning week lasts at most {days} days. Choose a later first day or an earlier last day.',
  'week.workshops_outside': '{count, plural, one {# workshop of this week would fall outside the new dates} other {# workshops of this week would fall outside the new dates}}. Move them first, or choose other dates.',
  'week.unknown': 'Learning week: this week no longer exists. Choose another week.',
  'week.outside': 'Learning week: the workshop is not in {week} ({from} to {to}). Choose another week or another day.',
};

export const texts: Texts<keyof typeof nl> = { nl, en };
export type MessageKey = keyof typeof nl | CommonKey;
export type Translate = TranslateWith<MessageKey>;
export const translator = translatorFor(texts);
