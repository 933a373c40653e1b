import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { handleInput } from '../../handle.js';
import { fromSlackText } from '../../incoming-text.js';
import { dmOutlet, responseOutlet } from '../../outlets.js';
import { commandPayload } from '../payloads.js';

export const SLASH_COMMAND = '/vliegwiel';

/** `/vliegwiel <words>`: the same words as in a DM; the answer is only visible to the person who typed it. */
export const vliegwielCommand =
  (deps: SlackDeps) =>
  async ({ command, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const parsed = commandPayload.safeParse(command);
    if (!parsed.success) {
      deps.logger.warn('slack command payload not understood', { issues: parsed.error.issues.length });
      return;
    }
    const c = parsed.data;
    const outlet = responseOutlet(respond, dmOutlet(client, c.user_id), deps.logger);
    await handleInput(
      deps,
      { kind: 'text', teamId: c.team_id, userId: c.user_id, ...(c.user_name ? { fallbackName: c.user_name } : {}), outlet },
      (actor) => deps.bot.text(actor, fromSlackText(c.text)),
    );
  };
