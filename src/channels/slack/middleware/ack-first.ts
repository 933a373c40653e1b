import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { OPEN_FORM } from '../render/action-ids.js';
import type { WorkQueue } from '../../work-queue.js';

/** A "form" button's click: its trigger_id lives 3 seconds, so views.open must not wait behind other work. */
function opensForm(body: unknown): boolean {
  const actions = (body as { type?: unknown; actions?: { action_id?: unknown }[] }).actions;
  const id = Array.isArray(actions) ? actions[0]?.action_id : undefined;
  return typeof id === 'string' && (id === OPEN_FORM || id.startsWith(`${OPEN_FORM}~`));
}

/**
 * Acknowledges every command, click and form submission before anything else runs, so no database or Web API
 * call can push Slack past its 3-second limit (Bolt already acks events itself, before middleware runs).
 * Listeners therefore never ack; none needs to answer in the ack (modals close, errors go to the person as
 * messages). What follows the ack waits its turn in `queue`: two hundred clicks at once must not each start
 * their database and Web API work at the same moment, or the next people's acks wait behind all of it.
 */
export const ackFirst =
  (queue: WorkQueue): Middleware<AnyMiddlewareArgs> =>
  async (args) => {
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
    if (opensForm(args.body)) return args.next();
    await queue.run(() => args.next());
  };
