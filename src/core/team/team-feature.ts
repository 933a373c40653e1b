import { z } from 'zod';
import { action, composer, values, type Feature } from '../feature.js';
import type { Actor } from '../people/person.js';
import { teamKinds } from './outbox-kinds.js';
import type { TeamService } from './team-service.js';
import { translator } from './texts.js';

const offset = values.json(z.object({ o: z.number().int().min(0).max(10_000) }));
const member = values.json(z.object({ p: z.string().uuid(), o: z.number().int().min(0).max(10_000) }));
const pick = values.json(z.object({ p: z.string().uuid(), w: z.string().uuid(), c: z.enum(['signup', 'cancel']) }));

/** Redraws "mijn" with a notice; given by the bot, which owns that view. */
export type MyView = (actor: Actor, notice?: string) => Promise<import('../messages.js').Message>;

/**
 * `mijn team` / `my team`: the team leader's toolbox (README "Team leaders and people without a chat account").
 * Buttons carry only ids; every handler checks that the person is in the clicking leader's team.
 */
export function teamFeature(team: TeamService, my: MyView): Feature {
  return {
    name: 'team',
    phrases: [
      { phrase: 'mijn team', command: 'team' },
      { phrase: 'my team', command: 'team' },
    ],
    commands: {
      team: async (actor) => ({ messages: [await team.toolbox(actor)] }),
    },
    actions: [
      action('team.members', offset, async (actor, v) => ({ messages: [], update: await team.members(actor, v.o) })),
      action('team.member', member, async (actor, v) => ({ messages: [], update: await team.memberWorkshops(actor, v.p, v.o) })),
      action('team.ask', pick, (actor, v) => team.ask(actor, v)),
      action('team.confirm', pick, (actor, v) => team.confirm(actor, v)),
      action('team.not_asked', member, (actor, v) => team.notAsked(actor, v.p)),
      action('team.talk', values.token, (actor, key) => team.talk(actor, key)),
      action('team.toolbox_day', values.none, async (actor, _v, input) => {
        const raw = input.form?.day;
        const notice = await team.saveToolboxDay(actor, String(Array.isArray(raw) ? raw[0] : (raw ?? '')));
        return { messages: [], update: await my(actor, notice) };
      }),
    ],
    outbox: [
      composer(teamKinds.toolbox, (_p, actor) => team.composeToolbox(actor)),
      composer(teamKinds.tomorrow, (p, actor) => team.composeTomorrow(p.day, actor)),
    ],
    help: (actor) => {
      if (!actor.person.roles.includes('MANAGER')) return { lines: [] };
      return { lines: [translator(actor.locale)('help.team')] };
    },
    my: (actor) => team.mySection(actor),
  };
}
