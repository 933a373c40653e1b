import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { toLocale } from '../../../../core/people/person.js';
import type { SlackDeps } from '../../deps.js';
import { reportError } from '../../handle.js';
import { publishHome } from '../../home.js';
import { dmOutlet } from '../../outlets.js';
import { channelUser } from '../../people.js';
import { eventEnvelope, homeOpenedEvent } from '../payloads.js';

/** Opening the Home tab publishes the person's overview; the Messages tab needs nothing. */
export const appHomeOpened =
  (deps: SlackDeps) =>
  async ({ event, body, client, context }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    const parsed = homeOpenedEvent.safeParse(event);
    if (!parsed.success || (parsed.data.tab !== undefined && parsed.data.tab !== 'home')) return;
    const userId = parsed.data.user;
    const teamId = context.teamId ?? eventEnvelope.parse(body).team_id ?? '';
    deps.metrics.chatInputs.inc({ platform: 'slack', kind: 'home' });
    let locale = deps.defaultLocale;
    try {
      const profile = await deps.directory.lookup(userId);
      locale = toLocale(profile.locale, deps.defaultLocale);
      const actor = await deps.bot.actorFor(channelUser(teamId, userId, profile));
      locale = actor.locale;
      await publishHome(client, deps.bot, actor, userId);
    } catch (err) {
      await reportError(deps, dmOutlet(client, userId), locale, err, { kind: 'home', userId });
    }
  };
