import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { toLocale } from '../../../../core/people/person.js';
import type { SlackDeps } from '../../deps.js';
import { reportError } from '../../handle.js';
import { decodeForm } from '../../render/form-value.js';
import { formModal } from '../../render/modal.js';
import { renderMessage } from '../../render/message.js';
import { t } from '../../../../core/i18n/index.js';
import { message } from '../../../../core/messages.js';
import { blockActionPayload, isDm } from '../payloads.js';
import { clickOutlet } from './click-outlet.js';

export const OPEN_FORM_ACTION = /^form\.open(~\d+)?$/;

/**
 * A form's button opens its modal. The trigger_id is valid for 3 seconds, so this does no database or
 * users.info work first: the language comes from the cached Slack profile.
 */
export const openForm =
  (deps: SlackDeps) =>
  async ({ body, client, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    const parsed = blockActionPayload.safeParse(body);
    if (!parsed.success || !parsed.data.trigger_id) return;
    const p = parsed.data;
    const locale = toLocale(deps.directory.cached(p.user.id)?.locale, deps.defaultLocale);
    const outlet = clickOutlet(p, client, respond, deps.logger);
    const form = decodeForm(p.actions[0]!.value ?? '');
    const channel = p.container?.channel_id ?? p.channel?.id;
    const view = form
      ? formModal(
          form,
          { form: form.id, ...(form.value !== undefined ? { value: form.value } : {}), ...(isDm(channel) ? { channel } : {}) },
          locale,
        )
      : null;
    if (!view) {
      await outlet.post(renderMessage(message(t(locale, 'slack.form_unavailable')), locale));
      return;
    }
    try {
      await client.views.open({ trigger_id: p.trigger_id!, view });
    } catch (err) {
      await reportError(deps, outlet, locale, err, { kind: 'form', userId: p.user.id });
    }
  };
