import { translatorFor, type CommonKey, type Texts, type Translate as TranslateWith } from '../i18n/index.js';

/** The chat side of the console (`beheer` / `admin`): Dutch (B1) and English. */
export const nl = {
  'help.console': 'beheer – een link naar de beheerpagina',
  'console.link_title': 'Je link naar de beheerpagina',
  'console.link_text': 'Open deze link binnen 10 minuten. Hij werkt één keer: {url}',
  'console.link_button': 'Open de beheerpagina',
  'console.link_tab': 'In Teams kun je ook het tabblad Beheer openen.',
  'console.forbidden': 'Dit is alleen voor HR en voor wie een team leidt. Wil je iets regelen? Vraag het dan aan HR.',
  'console.too_many': 'Je hebt net al een paar links gekregen. Probeer het over 10 minuten nog eens.',
} as const;

export const en: Record<keyof typeof nl, string> = {
  'help.console': 'admin – a link to the admin console',
  'console.link_title': 'Your link to the admin console',
  'console.link_text': 'Open this link within 10 minutes. It works once: {url}',
  'console.link_button': 'Open the admin console',
  'console.link_tab': 'In Teams you can also open the Admin tab.',
  'console.forbidden': 'This is only for HR and team leaders. Need something arranged? Please ask HR.',
  'console.too_many': 'You just got a few links. Please try again in 10 minutes.',
};

export const texts: Texts<keyof typeof nl> = { nl, en };
export type MessageKey = keyof typeof nl | CommonKey;
export type Translate = TranslateWith<MessageKey>;
export const translator = translatorFor(texts);
