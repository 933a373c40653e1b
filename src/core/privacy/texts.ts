import { dataWordsEn, dataWordsNl } from './personal-data-words.js';
import { translatorFor, type CommonKey, type Texts, type Translate as TranslateWith } from '../i18n/index.js';
/** privacy texts: Dutch (B1) and English. */
export const nl = {
  'help.data': 'mijn gegevens – bekijk of wis wat Vliegwiel over je weet',
  'data.title': 'Mijn gegevens',
  'data.intro': 'Dit weet Vliegwiel over je. Alleen jij ziet je reflecties.',
  'data.counts': '{signups, plural, one {# aanmelding} other {# aanmeldingen}}, {reflections, plural, one {# reflectie} other {# reflecties}}, {klussen, plural, one {# klus} other {# klussen}}',
  'data.button_export': 'Download alles',
  'data.button_erase': 'Wis mijn gegevens',
  'data.erase_confirm_title': 'Alles wissen?',
  'data.erase_confirm_text': 'Je reflecties en dossier worden gewist. Dit kan niet terug.',
  'data.erased': 'Je gegevens zijn gewist. Typ iets om opnieuw te beginnen.',
  'data.export_ready': 'Je download staat klaar (1 uur geldig): {url}',
  'data.export_inline': 'Hier is alles wat Vliegwiel over je weet:',
  'data.export_json': 'Alles als JSON (voor een computer)',
  'data.export_markdown': 'Alles als tekst (om te lezen)',
  'data.md_title': 'Wat Vliegwiel over {name} weet',
  'data.md_made': 'Gemaakt op {date}.',
  ...dataWordsNl,
} as const;

export const en: Record<keyof typeof nl, string> = {
  'help.data': 'my data – see or erase what Vliegwiel knows about you',
  'data.title': 'My data',
  'data.intro': 'This is what Vliegwiel knows about you. Only you can see your reflections.',
  'data.counts': '{signups, plural, one {# sign-up} other {# sign-ups}}, {reflections, plural, one {# reflection} other {# reflections}}, {klussen, plural, one {# job} other {# jobs}}',
  'data.button_export': 'Download everything',
  'data.button_erase': 'Erase my data',
  'data.erase_confirm_title': 'Erase everything?',
  'data.erase_confirm_text': 'Your reflections and dossier will be erased. This cannot be undone.',
  'data.erased': 'Your data has been erased. Type anything to start again.',
  'data.export_ready': 'Your download is ready (valid for 1 hour): {url}',
  'data.export_inline': 'Here is everything Vliegwiel knows about you:',
  'data.export_json': 'Everything as JSON (for a computer)',
  'data.export_markdown': 'Everything as text (to read)',
  'data.md_title': 'What Vliegwiel knows about {name}',
  'data.md_made': 'Made on {date}.',
  ...dataWordsEn,
};

export const texts: Texts<keyof typeof nl> = { nl, en };
export type MessageKey = keyof typeof nl | CommonKey;
export type Translate = TranslateWith<MessageKey>;
export const translator = translatorFor(texts);
