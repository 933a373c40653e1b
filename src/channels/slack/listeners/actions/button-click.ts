import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { handleInput } from '../../handle.js';
import { coreAction } from '../../render/action-ids.js';
import { blockActionPayload, isDm, teamOf } from '../payloads.js';
import { clickOutlet, editsClicked } from './click-outlet.js';

/** Every button except "open form" (whose action id this pattern leaves out). */
export const BUTTON_ACTION = /^(?!form\.open(~\d+)?$).+$/;

/** A click on one of the bot's buttons becomes the core action it names, with the value it carries. */
export const buttonClick =
  (deps: SlackDeps) =>
  async ({ body, client, respond, context }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    const parsed = blockActionPayload.safeParse(body);
    if (!parsed.success) {
      deps.logger.warn('slack block_actions payload not understood', { issues: parsed.error.issues.length });
      return;
    }
    const p = parsed.data;
    const clicked = p.actions[0]!;
    // A link button opens its URL in the browser; Slack still tells us about the click, there is nothing to do.
    if (clicked.url) return;
    const onHome = p.container?.type === 'view';
    const channel = p.container?.channel_id ?? p.channel?.id;
    await handleInput(
      deps,
      {
        kind: 'action',
        teamId: teamOf(p, context.teamId),
        userId: p.user.id,
        ...(p.user.name ? { fallbackName: p.user.name } : {}),
        ...(!p.container?.is_ephemeral && isDm(channel) ? { dmChannel: channel } : {}),
        outlet: clickOutlet(p, client, respond, deps.logger),
        ...(editsClicked(p) && p.message?.blocks !== undefined ? { clicked: p.message.blocks } : {}),
        ...(onHome ? { home: client } : {}),
      },
      (actor) => deps.bot.action(actor, { action: coreAction(clicked.action_id), value: clicked.value ?? '' }),
    );
  };
