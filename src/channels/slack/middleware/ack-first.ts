import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/**
 * Acknowledges every command, click and form submission before anything else runs, so no database or Web API
 * call can push Slack past its 3-second limit (Bolt already acks events itself). Listeners therefore never ack;
 * none needs to answer in the ack (modals close, errors go to the person as messages).
 */
export const ackFirst: Middleware<AnyMiddlewareArgs> = async (args) => {
  if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
  await args.next();
};
