import type { Config } from '../../config.js';
import type { Channel, ChannelDeps } from '../channel.js';
import { TeamsCloudAdapter } from './adapter.js';
import type { InboundActivity } from './activity-types.js';
import { routeTeamsActivities } from './app.js';
import { createAuthentication } from './auth/authentication.js';
import { ProcessedActivities } from './dedup.js';
import { TeamsPeople } from './people.js';
import { messagesRoute } from './route.js';
import { TeamsSender } from './sender.js';
import { TeamsTurns } from './turns.js';
import { WorkQueue } from '../work-queue.js';

/**
 * Turns worked on at once. A turn's answer is its HTTP response (an invoke's card), so there is no ack to
 * give first: a rush is answered first come, first served, each turn with the database to itself as far as
 * possible, rather than all of them at once and all of them late.
 */
export const TURN_CONCURRENCY = 16;

/**
 * Microsoft Teams on the Teams SDK (`@microsoft/teams.apps`): `POST /api/messages` plus the sender the outbox
 * uses. Every Teams SDK import lives under src/channels/teams, so another SDK move touches only it.
 */
export function createTeamsChannel(config: Config, deps: ChannelDeps): Channel {
  const settings = config.teams;
  const logger = deps.logger.child({ channel: 'teams' });
  if (!settings.appId) {
    logger.warn(
      'TEAMS_INSECURE_DEV=true and no MICROSOFT_APP_ID: Teams requests are accepted WITHOUT authentication. ' +
        'Use this only for local development and tests; set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD in production.',
    );
  }
  const adapter = new TeamsCloudAdapter(createAuthentication(settings), logger);
  const people = new TeamsPeople(deps.identities, logger);
  const turns = new TeamsTurns({ bot: deps.bot, people, logger, metrics: deps.metrics, defaultLocale: config.defaultLocale });
  const processed = new ProcessedActivities(deps.processedEvents);

  const queue = new WorkQueue(TURN_CONCURRENCY);
  routeTeamsActivities(adapter, turns, (ctx, next) =>
    queue.run(async () => {
      const activity = ctx.activity as unknown as InboundActivity;
      if (await processed.seenBefore(activity)) {
        logger.info('teams: activity delivered again; already processed', { activityId: activity.id });
        return undefined;
      }
      return next();
    }),
  );

  return {
    name: 'teams',
    routes: [messagesRoute(adapter)],
    sender: new TeamsSender(adapter, {
      appId: settings.appId ?? '',
      ...(settings.tenantId ? { tenantId: settings.tenantId } : {}),
      logger,
    }),
    async start() {},
    async stop() {
      await turns.idle();
    },
  };
}
