import type { CoreContext } from '../context.js';
import { translator } from '../i18n/index.js';
import { message, type Reply } from '../messages.js';
import { toLocale, type Actor } from '../people/person.js';
import type { Feature } from './feature.js';
import { helpMessage } from './help.js';
import { myOverview } from './my-overview.js';

/** Help, "mijn", pause/resume and language: what every person has regardless of features. */
export function baseFeature(ctx: CoreContext): Feature {
  const setPaused = async (actor: Actor, paused: boolean): Promise<Reply> => {
    await ctx.people.setPaused(actor.person.id, paused);
    return { messages: [message(translator(actor.locale)(paused ? 'pause.done' : 'pause.resumed'))] };
  };
  return {
    phrases: [
      { phrase: 'help', command: 'help' },
      { phrase: 'hulp', command: 'help' },
      { phrase: '?', command: 'help' },
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
      help: async (actor) => ({ messages: [helpMessage(actor)] }),
      my: async (actor) => ({ messages: [await myOverview(ctx, actor)] }),
      pause: (actor) => setPaused(actor, true),
      resume: (actor) => setPaused(actor, false),
      language: async (actor, args) => {
        const locale = toLocale(args, actor.locale === 'nl' ? 'en' : 'nl');
        await ctx.people.setLocale(actor.person.id, locale);
        return { messages: [message(translator(locale)('language.done'))] };
      },
    },
    actions: {
      'nav.help': async (actor) => ({ messages: [helpMessage(actor)] }),
      'nav.my': async (actor) => ({ messages: [await myOverview(ctx, actor)] }),
      'settings.pause': async (actor, input) => settingsToggle(ctx, actor, input.action === 'settings.pause'),
      'settings.resume': async (actor, input) => settingsToggle(ctx, actor, input.action === 'settings.pause'),
    },
  };
}

async function settingsToggle(ctx: CoreContext, actor: Actor, paused: boolean): Promise<Reply> {
  await ctx.people.setPaused(actor.person.id, paused);
  const updated: Actor = { ...actor, person: { ...actor.person, paused } };
  const tr = translator(actor.locale);
  return { messages: [], update: await myOverview(ctx, updated, tr(paused ? 'pause.done' : 'pause.resumed')) };
}
