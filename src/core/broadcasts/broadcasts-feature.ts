import type { Feature } from '../chat/feature.js';
import type { BroadcastOutbox } from './broadcast-outbox.js';
import type { BroadcastService } from './broadcast-service.js';
import { COMPOSE_FORM } from './compose-form.js';

/** HR: "omroep" / "broadcast". Every action checks role and status again (buttons can be replayed). */
export function broadcastsFeature(service: BroadcastService, outbox: BroadcastOutbox): Feature {
  return {
    phrases: [
      { phrase: 'omroep', command: 'broadcast' },
      { phrase: 'broadcast', command: 'broadcast' },
    ],
    commands: { broadcast: (actor) => service.start(actor) },
    actions: {
      [COMPOSE_FORM]: (actor, input) => service.submit(actor, input),
      'broadcast.view': (actor, input) => service.view(actor, input.value),
      'broadcast.edit': (actor, input) => service.edit(actor, input.value),
      'broadcast.discard': (actor, input) => service.discard(actor, input.value),
      'broadcast.send': (actor, input) => service.send(actor, input.value),
      'broadcast.ask': (actor, input) => service.askApproval(actor, input.value),
      'broadcast.approve': (actor, input) => service.approve(actor, input.value),
      'broadcast.reject': (actor, input) => service.reject(actor, input.value),
      'broadcast.recall': (actor, input) => service.recall(actor, input.value),
      // Anyone who got the broadcast: the click counts and signs them up.
      'broadcast.signup': (actor, input) => outbox.signupClick(actor, input.value),
    },
    compose: {
      'broadcast.': (kind, payload, actor) => outbox.compose(kind, payload, actor),
    },
  };
}
