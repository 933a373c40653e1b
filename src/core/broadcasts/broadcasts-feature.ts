import { action, composer, values, type Feature } from '../feature.js';
import type { OutboxKind } from '../outbox.js';
import { hasRole, type Actor } from '../people/person.js';
import type { BroadcastOutbox } from './broadcast-outbox.js';
import type { BroadcastService } from './broadcast-service.js';
import { COMPOSE_FORM } from './compose-form.js';
import { broadcastKinds } from './outbox-kinds.js';
import { translator } from './texts.js';

/** HR: "omroep" / "broadcast". Every action checks role and status again (buttons can be replayed). */
export function broadcastsFeature(service: BroadcastService, outbox: BroadcastOutbox): Feature {
  const compose = (kind: string) => (payload: unknown, actor: Actor) => outbox.compose(kind, payload as Record<string, unknown>, actor);
  return {
    name: 'broadcasts',
    phrases: [
      { phrase: 'omroep', command: 'broadcast' },
      { phrase: 'broadcast', command: 'broadcast' },
    ],
    commands: { broadcast: (actor) => service.start(actor) },
    actions: [
      // The form carries the draft being edited, or nothing.
      action(COMPOSE_FORM, values.token, (actor, _v, input) => service.submit(actor, input)),
      action('broadcast.view', values.id, (actor, id) => service.view(actor, id)),
      action('broadcast.edit', values.id, (actor, id) => service.edit(actor, id)),
      action('broadcast.discard', values.id, (actor, id) => service.discard(actor, id)),
      action('broadcast.send', values.id, (actor, id) => service.send(actor, id)),
      action('broadcast.ask', values.id, (actor, id) => service.askApproval(actor, id)),
      action('broadcast.approve', values.id, (actor, id) => service.approve(actor, id)),
      action('broadcast.reject', values.id, (actor, id) => service.reject(actor, id)),
      action('broadcast.recall', values.id, (actor, id) => service.recall(actor, id)),
      // Anyone who got the broadcast: the click counts and signs them up.
      action('broadcast.signup', values.token, (actor, v) => outbox.signupClick(actor, v)),
    ],
    outbox: Object.values(broadcastKinds).map((kind: OutboxKind<unknown>) => composer(kind, compose(kind.name))),
    help: (actor) => ({ lines: hasRole(actor.person, 'HR') ? [translator(actor.locale)('help.hr')] : [] }),
  };
}
