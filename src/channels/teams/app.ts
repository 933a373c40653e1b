import type { IActivityContext } from '@microsoft/teams.apps';
import type { InboundActivity, OutgoingActivity } from './activity-types.js';
import type { TeamsCloudAdapter } from './adapter.js';
import { CARD_CONTENT_TYPE } from './cards/card.js';
import type { TeamsTurn, TeamsTurns } from './turns.js';

type Context = IActivityContext;

/**
 * The SDK's turn context as the turns see it. Answers go out as the SDK's ctx.send would send them (from the
 * bot, in this conversation), through the adapter's reply client: that one has the reply retry budget.
 */
export function turnOf(ctx: Context, adapter: TeamsCloudAdapter): TeamsTurn {
  const activity = ctx.activity as unknown as InboundActivity;
  const conversation = adapter.connector(activity.serviceUrl, 'reply').conversations;
  const conversationId = activity.conversation.id;
  // Plain Bot Framework JSON, which the SDK's activity parameters are.
  const wire = (out: OutgoingActivity) => ({ ...out, from: activity.recipient, recipient: activity.from, conversation: activity.conversation }) as never;
  return {
    activity,
    send: (out) => conversation.activities(conversationId).create(wire(out)),
    update: (id, out) => conversation.activities(conversationId).update(id, wire(out)),
    member: (userId) => conversation.members(conversationId).getById(userId),
  };
}

/**
 * Routes activities to the turns. `guard` runs first for every activity (deduplication and the turn queue,
 * see teams-channel.ts) and calls the route through `next`.
 */
export function routeTeamsActivities(
  adapter: TeamsCloudAdapter,
  turns: TeamsTurns,
  guard: (ctx: Context, next: () => Promise<unknown>) => Promise<unknown>,
): void {
  const app = adapter.app;
  app.use((ctx) => guard(ctx, () => Promise.resolve(ctx.next())) as Promise<void>);
  app.on('conversationUpdate', async (ctx) => {
    const turn = turnOf(ctx as Context, adapter);
    if (turn.activity.membersAdded?.length) await turns.install(turn);
    if (turn.activity.membersRemoved?.length) await turns.removed(turn);
  });
  app.on('installationUpdate', (ctx) => turns.removed(turnOf(ctx as Context, adapter)));
  // Every verb goes to the core, which knows the actions; an unknown one gets a friendly card, not a 501.
  app.on('card.action', async (ctx) => {
    const turn = turnOf(ctx as unknown as Context, adapter);
    const data = (turn.activity.value as { action?: { data?: unknown } } | undefined)?.action?.data;
    const card = await turns.execute(turn, data);
    return { statusCode: 200, type: CARD_CONTENT_TYPE, value: card } as never;
  });
  app.on('message', (ctx) => turns.message(turnOf(ctx as Context, adapter)));
}
