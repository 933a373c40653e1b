import { action, composer, values, type Feature } from '../feature.js';
import { message, type Reply } from '../messages.js';
import { hasRole, type Actor } from '../people/person.js';
import { HOUR } from '../outbox.js';
import type { OutreachDeps } from './deps.js';
import { outreachKinds } from './outbox-kinds.js';
import { makePoster } from './poster.js';
import { composeRequest, confirmRequest, refuseRequest } from './seat-requests.js';
import { translator } from './texts.js';

const mayPoster = (actor: Actor) => hasRole(actor.person, 'HR') || hasRole(actor.person, 'MANAGER');

/**
 * `poster` for HR and team leaders: a one-time link (1 hour) to the A4 PDF of the current learning week, or of the
 * workshops named after the word (`poster werkplek-veilig ehbo`, by key). And the seat requests from the public
 * page: the team leader's message and its two buttons.
 */
export async function posterCommand(ctx: OutreachDeps, actor: Actor, args: string): Promise<Reply> {
  const tr = translator(actor.locale);
  if (!mayPoster(actor)) return { messages: [message(tr('poster.forbidden'))] };
  const keys = args.split(/[\s,]+/).filter(Boolean);
  const poster = await makePoster(ctx, { keys: keys.length ? keys : undefined, locale: actor.locale });
  if (!poster) return { messages: [message(tr('poster.none'))] };
  const now = ctx.clock.now();
  const token = await ctx.downloads.create({
    personId: actor.person.id,
    filename: poster.filename,
    mimeType: 'application/pdf',
    content: poster.content,
    expiresAt: new Date(now.getTime() + HOUR),
  });
  const url = `${ctx.settings.publicUrl}/downloads/${token}`;
  return {
    messages: [
      {
        text: `${tr('poster.ready')} ${url}`,
        blocks: [
          { type: 'text', text: tr('poster.ready') },
          { type: 'actions', buttons: [{ action: 'link.download', value: token, label: tr('poster.button'), url }] },
        ],
      },
    ],
  };
}

export function outreachFeature(ctx: OutreachDeps): Feature {
  return {
    name: 'outreach',
    phrases: [{ phrase: 'poster', command: 'poster', takesArgs: true }],
    commands: { poster: (actor, args) => posterCommand(ctx, actor, args) },
    actions: [
      action('seat_request.confirm', values.id, (actor, id) => confirmRequest(ctx, actor, id)),
      action('seat_request.refuse', values.id, (actor, id) => refuseRequest(ctx, actor, id)),
    ],
    help: (actor) => (mayPoster(actor) ? { lines: [], more: [translator(actor.locale)('help.poster')] } : { lines: [] }),
    outbox: [composer(outreachKinds.seatRequest, (p, actor) => composeRequest(ctx, p.requestId, actor))],
  };
}
