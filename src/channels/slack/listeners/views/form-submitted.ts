import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { handleInput } from '../../handle.js';
import { channelOutlet, dmOutlet } from '../../outlets.js';
import { FIELD_ACTION } from '../../render/modal.js';
import { formMeta, isDm, teamOf, viewSubmissionPayload } from '../payloads.js';

type StateValue = { value?: string | null; selected_date?: string | null; selected_option?: { value: string } | null; selected_options?: { value: string }[] };

/** A field's answer as the core takes it: text, a date `YYYY-MM-DD`, an option value, or a list of values. */
export function fieldValue(v: StateValue): string | string[] {
  if (v.selected_options) return v.selected_options.map((o) => o.value);
  if (v.selected_option) return v.selected_option.value;
  if (v.selected_date) return v.selected_date;
  return v.value ?? '';
}

/** The submitted modal goes to the core as the form's action; the modal closes (ack) and answers follow in a message. */
export const formSubmitted =
  (deps: SlackDeps) =>
  async ({ body, client, context }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const parsed = viewSubmissionPayload.safeParse(body);
    if (!parsed.success) return;
    const p = parsed.data;
    let meta;
    try {
      meta = formMeta.parse(JSON.parse(p.view.private_metadata));
    } catch {
      deps.logger.warn('slack form submission without our metadata', { callbackId: p.view.callback_id });
      return;
    }
    const form: Record<string, string | string[]> = {};
    for (const [blockId, actions] of Object.entries(p.view.state.values)) {
      const v = actions[FIELD_ACTION];
      if (v) form[blockId] = fieldValue(v);
    }
    const outlet = isDm(meta.channel) ? channelOutlet(client, meta.channel) : dmOutlet(client, p.user.id);
    await handleInput(
      deps,
      { kind: 'action', teamId: teamOf(p, context.teamId), userId: p.user.id, outlet },
      (actor) => deps.bot.action(actor, { action: meta.form, value: meta.value ?? '', form }),
    );
  };
