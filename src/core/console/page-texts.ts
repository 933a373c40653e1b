import { fill, type Params } from '../i18n/index.js';
import type { Locale } from '../messages.js';
import * as workshopTexts from './texts-workshops.js';
import * as otherPageTexts from './texts-pages.js';
import * as learningWeekTexts from './texts-learning-weeks.js';

/**
 * The web console's own words (nl default, en by choice). Page modules add their keys here, nl and en together;
 * the type of `en` makes a missing English text a compile error.
 */
export const nl = {
  'app.name': 'Vliegwiel beheer',
  'app.skip': 'Naar de inhoud',
  'app.menu': 'Menu',
  'app.signout': 'Afmelden',
  'app.language': 'Taal',
  'app.language_switch': 'English',
  'app.signed_in_as': 'Aangemeld als {name}',
  'nav.home': 'Start',
  'nav.workshops': 'Workshops',
  'nav.people': 'Mensen',
  'nav.klussen': 'Klussen',
  'nav.report': 'Rapport',
  'nav.audit': 'Logboek',
  'home.title': 'Welkom, {name}',
  'home.intro_hr': 'Hier regel je de leerweek: workshops, mensen, klussen en cijfers.',
  'home.intro_manager': 'Hier zie je je eigen klussen en de vragen die op jou wachten. Ook de cijfers van je team.',
  'home.waiting': '{count, plural, one {# vraag wacht op jou} other {# vragen wachten op jou}}',
  'signin.title': 'Aanmelden bij Vliegwiel beheer',
  'signin.how': 'Typ beheer in de chat met Vliegwiel. Je krijgt dan een link die één keer werkt, 10 minuten lang.',
  'signin.expired': 'Deze link werkt niet meer. Hij is al gebruikt of te oud. Vraag in de chat een nieuwe: typ beheer.',
  'signin.teams_busy': 'Even geduld, we melden je aan via Teams…',
  'signin.teams_failed': 'Aanmelden via Teams lukte niet. Typ beheer in de chat voor een link.',
  'signin.signed_out': 'Je bent afgemeld.',
  'refused.title': 'Deze pagina is niet voor jou',
  'refused.text': 'Vliegwiel beheer is voor HR en teamleiders. Aanmelden voor workshops en klussen doe je gewoon in de chat.',
  'forbidden.title': 'Dit mag je niet openen',
  'forbidden.text': 'Dit deel is alleen voor HR.',
  'notfound.title': 'Niet gevonden',
  'notfound.text': 'Deze pagina bestaat niet (meer).',
  'form.problems': 'Dit klopt nog niet:',
  'form.save': 'Opslaan',
  'form.required': '{field} is verplicht.',
  'form.bad_time': '{field}: schrijf de tijd als 15-04-2027 09:00.',
  'form.expired': 'Het formulier was te oud. Probeer het nog een keer.',
  'form.optional': '(mag leeg)',
  'table.empty': 'Nog niets om te tonen.',
} as const;

export type PageKey = keyof typeof nl;

export const en: Record<PageKey, string> = {
  'app.name': 'Vliegwiel admin',
  'app.skip': 'Skip to content',
  'app.menu': 'Menu',
  'app.signout': 'Sign out',
  'app.language': 'Language',
  'app.language_switch': 'Nederlands',
  'app.signed_in_as': 'Signed in as {name}',
  'nav.home': 'Home',
  'nav.workshops': 'Workshops',
  'nav.people': 'People',
  'nav.klussen': 'Jobs',
  'nav.report': 'Report',
  'nav.audit': 'Audit log',
  'home.title': 'Welcome, {name}',
  'home.intro_hr': 'Run the learning week here: workshops, people, jobs and figures.',
  'home.intro_manager': 'See your own jobs, the requests waiting for you and your team’s figures.',
  'home.waiting': '{count, plural, one {# request is waiting for you} other {# requests are waiting for you}}',
  'signin.title': 'Sign in to Vliegwiel admin',
  'signin.how': 'Type admin in the chat with Vliegwiel. You get a link that works once, for 10 minutes.',
  'signin.expired': 'This link no longer works. It was used already or is too old. Ask for a new one in chat: type admin.',
  'signin.teams_busy': 'One moment, signing you in through Teams…',
  'signin.teams_failed': 'Signing in through Teams did not work. Type admin in the chat for a link.',
  'signin.signed_out': 'You are signed out.',
  'refused.title': 'This page is not for you',
  'refused.text': 'Vliegwiel admin is for HR and team leaders. You sign up for workshops and jobs in the chat.',
  'forbidden.title': 'You may not open this',
  'forbidden.text': 'This part is for HR only.',
  'notfound.title': 'Not found',
  'notfound.text': 'This page does not exist (any more).',
  'form.problems': 'Please fix this:',
  'form.save': 'Save',
  'form.required': '{field} is required.',
  'form.bad_time': '{field}: write the time as 15-04-2027 09:00.',
  'form.expired': 'The form was too old. Please try again.',
  'form.optional': '(optional)',
  'table.empty': 'Nothing to show yet.',
};

export const pageTexts: Record<Locale, Record<string, string>> = { nl: { ...nl }, en: { ...en } };
for (const t of [workshopTexts, otherPageTexts, learningWeekTexts]) addPageTexts(t);

/** Page modules register their own keys (nl and en together), e.g. `addPageTexts(workshopTexts)`. */
export function addPageTexts(t: { nl: Record<string, string>; en: Record<string, string> }) {
  Object.assign(pageTexts.nl, t.nl);
  Object.assign(pageTexts.en, t.en);
}

export type PageTranslate = (key: string, params?: Params) => string;

/** A translator for one page request; an unknown key shows itself, so a missing text is seen in tests. */
export const pageTranslator = (locale: Locale): PageTranslate => (key, params) => fill(pageTexts[locale][key] ?? key, params, locale);
