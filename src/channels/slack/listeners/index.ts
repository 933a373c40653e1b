import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { FORM_CALLBACK } from '../render/action-ids.js';
import { BUTTON_ACTION, buttonClick } from './actions/button-click.js';
import { OPEN_FORM_ACTION, openForm } from './actions/open-form.js';
import { SLASH_COMMAND, vliegwielCommand } from './commands/vliegwiel.js';
import { appHomeOpened } from './events/app-home-opened.js';
import { directMessage } from './events/direct-message.js';
import { formSubmitted } from './views/form-submitted.js';

/** The part of Bolt's App that listeners are registered on (a test records the registrations to check the manifest). */
export type ListenerHost = Pick<App, 'command' | 'event' | 'action' | 'view'>;

/** Wires Slack's ids to the listeners; each listener lives in its own file. */
export function registerListeners(app: ListenerHost, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, vliegwielCommand(deps));
  app.event('message', directMessage(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  app.action(OPEN_FORM_ACTION, openForm(deps));
  app.action(BUTTON_ACTION, buttonClick(deps));
  app.view(FORM_CALLBACK, formSubmitted(deps));
}
