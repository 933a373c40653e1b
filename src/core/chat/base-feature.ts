import { action, values, type Feature } from '../feature.js';
import { translator } from '../i18n/index.js';
import { message, type Locale, type Message, type Reply } from '../messages.js';
import type { PeopleRepository } from '../people/people-repository.js';
import type { Actor } from '../people/person.js';

/** What "taal …" understands; bare "taal" switches to the other language. */
const KNOWN_LANGUAGES = new Map<string, Locale>([
  ...['nl', 'nederlands', 'dutch', 'nl-nl'].map((w) => [w, 'nl'] as const),
  ...['en', 'engels', 'english', 'en-gb', 'en-us'].map((w) => [w, 'en'] as const),
]);

export interface BaseViews {
  help(actor: Actor, full?: boolean): Message;
  my(actor: Actor, notice?: string): Promise<Message>;
}

/** Help, "mijn", pause/resume and language: what every person has regardless of features. */
export function baseFeature(people: Pick<PeopleRepository, 'setPaused' | 'setLocale'>, views: BaseViews): Feature {
  const setPaused = async (actor: Actor, paused: boolean): Promise<Reply> => {
    await people.setPaused(actor.person.id, paused);
    return { messages: [message(translator(actor.locale)(paused ? 'pause.done' : 'pause.resumed'))] };
  };
  const toggle = async (actor: Actor, paused: boolean): Promise<Reply> => {
    await people.setPaused(actor.person.id, paused);
    const updated: Actor = { ...actor, person: { ...actor.person, paused } };
    return { messages: [], update: await views.my(updated, translator(actor.locale)(paused ? 'pause.done' : 'pause.resumed')) };
  };
  return {
    name: 'base',
    phrases: [
      { phrase: 'help', command: 'help' },
      { phrase: 'hulp', command: 'help' },
      { phrase: '?', command: 'help' },
      { phrase: 'meer', command: 'help-more' },
      { phrase: 'more', command: 'help-more' },
      { phrase: 'help meer', command: 'help-more' },
      { phrase: 'hulp meer', command: 'help-more' },
      { phrase: 'meer hulp', command: 'help-more' },
      { phrase: 'more help', command: 'help-more' },
      { phrase: 'help more', command: 'help-more' },
      { phrase: 'mijn', command: 'my' },
      { phrase: 'my', command: 'my' },
      { phrase: 'pauze', command: 'pause' },
      { phrase: 'pause', command: 'pause' },
      { phrase: 'start', command: 'resume' },
      { phrase: 'resume', command: 'resume' },
      { phrase: 'taal', command: 'language', takesArgs: true },
      { phrase: 'language', command: 'language', takesArgs: true },
    ],
    commands: {
      help: async (actor) => ({ messages: [views.help(actor)] }),
      'help-more': async (actor) => ({ messages: [views.help(actor, true)] }),
      my: async (actor) => ({ messages: [await views.my(actor)] }),
      pause: (actor) => setPaused(actor, true),
      resume: (actor) => setPaused(actor, false),
      language: async (actor, args) => {
        const asked = args.trim().toLowerCase();
        // "taal de" must not quietly switch to Dutch: a language we do not speak is named back with the choices.
        if (asked && !KNOWN_LANGUAGES.has(asked)) {
          return { messages: [message(translator(actor.locale)('language.unknown', { language: args.trim().slice(0, 40) }))] };
        }
        const locale = asked ? KNOWN_LANGUAGES.get(asked)! : actor.locale === 'nl' ? 'en' : 'nl';
        await people.setLocale(actor.person.id, locale);
        return { messages: [message(translator(locale)('language.done'))] };
      },
    },
    actions: [
      action('nav.help', values.none, async (actor) => ({ messages: [views.help(actor)] })),
      action('nav.help_more', values.none, async (actor) => ({ messages: [views.help(actor, true)] })),
      action('nav.my', values.none, async (actor) => ({ messages: [await views.my(actor)] })),
      action('settings.pause', values.none, (actor) => toggle(actor, true)),
      action('settings.resume', values.none, (actor) => toggle(actor, false)),
    ],
  };
}
