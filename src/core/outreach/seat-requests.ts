import { DAY } from '../outbox.js';
import { DomainError, isDomainError } from '../errors.js';
import { formatDateTime } from '../format.js';
import type { Message, Reply } from '../messages.js';
import type { Actor } from '../people/person.js';
import type { OutreachDeps } from './deps.js';
import { checkName, foldName, type NameProblem } from './name.js';
import { outreachKinds } from './outbox-kinds.js';
import type { SeatRequest } from './ports.js';
import { translator } from './texts.js';

/** A request waits at most this long for its team leader, and never past the workshop's start. */
export const REQUEST_TTL = 7 * DAY;
/** Decided requests are kept this long (the team leader may click again), then deleted. */
export const DECIDED_KEPT = 30 * DAY;

export type RequestOutcome =
  | { ok: true; teamLeader: string; title: string }
  | { ok: false; problem: NameProblem | 'no_workshop' | 'no_team_leader' | 'not_open' | 'duplicate' };

/** Someone without an account asks for a seat on the public page. Nothing is booked: the team leader is asked. */
export async function requestSeat(ctx: OutreachDeps, input: { workshopId: string; name: string; teamLeaderId: string }): Promise<RequestOutcome> {
  const checked = checkName(input.name);
  if (!checked.ok) return { ok: false, problem: checked.problem };
  const now = ctx.clock.now();
  const workshop = await ctx.catalogue.getWorkshop(input.workshopId);
  if (!workshop || workshop.startsAt <= now) return { ok: false, problem: 'no_workshop' };
  const leader = (await ctx.catalogue.teamLeaders()).find((t) => t.id === input.teamLeaderId);
  if (!leader) return { ok: false, problem: 'no_team_leader' };
  // A workshop for some organisations only: the team (its leader's organisation) must be one of them, or the team
  // leader could never confirm.
  if (workshop.openTo.length > 0 && !workshop.openTo.some((o) => o.id === leader.organizationId)) return { ok: false, problem: 'not_open' };
  const expiresAt = new Date(Math.min(now.getTime() + REQUEST_TTL, workshop.startsAt.getTime()));
  const created = await ctx.seatRequests.create(
    { workshopId: workshop.id, teamLeaderId: leader.id, name: checked.name, nameKey: foldName(checked.name), expiresAt },
    (id) => outreachKinds.seatRequest.draft({ idempotencyKey: `seat-request:${id}`, personId: leader.id, payload: { requestId: id } }),
  );
  if (created === 'duplicate') return { ok: false, problem: 'duplicate' };
  return { ok: true, teamLeader: leader.name, title: workshop.title };
}

/** The team leader's message: who asks for what, with one button to confirm and one to refuse. */
export async function composeRequest(ctx: OutreachDeps, requestId: string, actor: Actor): Promise<Message | null> {
  const r = await ctx.seatRequests.get(requestId);
  if (!r || r.status !== 'PENDING' || r.expiresAt <= ctx.clock.now() || r.teamLeaderId !== actor.person.id) return null;
  const w = await ctx.catalogue.getWorkshop(r.workshopId);
  if (!w) return null;
  const tr = translator(actor.locale);
  const when = formatDateTime(w.startsAt, actor.locale, ctx.settings.timezone);
  const text = tr('request.new', { name: r.name, title: w.title, when });
  return {
    text,
    blocks: [
      { type: 'header', text: tr('request.new_title') },
      { type: 'text', text },
      { type: 'text', text: tr('request.check', { name: r.name }) },
      {
        type: 'actions',
        buttons: [
          { action: 'seat_request.confirm', value: r.id, label: tr('request.button_confirm'), style: 'primary' },
          { action: 'seat_request.refuse', value: r.id, label: tr('request.button_refuse') },
        ],
      },
    ],
  };
}

const answer = (text: string): Reply => ({ messages: [], update: { text, blocks: [{ type: 'text', text }] } });

async function claim(ctx: OutreachDeps, actor: Actor, id: string, status: 'CONFIRMED' | 'REFUSED'): Promise<SeatRequest | Reply> {
  const tr = translator(actor.locale);
  const r = await ctx.seatRequests.get(id);
  if (r && r.teamLeaderId !== actor.person.id) return answer(tr('request.not_yours'));
  const decided = r && (await ctx.seatRequests.decide(id, actor.person.id, status, ctx.clock.now()));
  return decided || answer(tr('request.gone'));
}

/**
 * The team leader confirms: the name is matched to a member of their team without an account (or that person is
 * made, under the team leader), and signed up through the proxy sign-up, with the same seats and waitlist as
 * everyone. When the sign-up fails (the workshop closed meanwhile) the request stays open and the error is told.
 */
export async function confirmRequest(ctx: OutreachDeps, actor: Actor, id: string): Promise<Reply> {
  const r = await claim(ctx, actor, id, 'CONFIRMED');
  if (!('workshopId' in r)) return r;
  const tr = translator(actor.locale);
  try {
    const member = await ctx.teamMembers.findOrCreateWithoutAccount(actor.person.id, r.name, r.nameKey);
    await ctx.seatRequests.setPerson(r.id, member.personId);
    const outcome = await ctx.proxySignUp({ teamLeaderId: actor.person.id, personId: member.personId, workshopId: r.workshopId });
    const title = (await ctx.catalogue.getWorkshop(r.workshopId))?.title ?? '';
    const lines = [
      outcome.status === 'CONFIRMED'
        ? tr('request.confirmed', { name: r.name, title })
        : tr('request.waitlisted', { name: r.name, title, position: outcome.position ?? '?' }),
    ];
    if (member.created) lines.push(tr('request.confirmed_new', { name: r.name }));
    return answer(lines.join('\n'));
  } catch (err) {
    await ctx.seatRequests.reopen(r.id);
    if (isDomainError(err)) throw err;
    ctx.logger.error('seat request confirmation failed', { requestId: r.id, err });
    throw new DomainError('conflict');
  }
}

export async function refuseRequest(ctx: OutreachDeps, actor: Actor, id: string): Promise<Reply> {
  const r = await claim(ctx, actor, id, 'REFUSED');
  if (!('workshopId' in r)) return r;
  return answer(translator(actor.locale)('request.refused', { name: r.name }));
}

/** AVG: unconfirmed requests are removed once expired; decided ones after DECIDED_KEPT. */
export function pruneRequests(ctx: OutreachDeps): Promise<number> {
  const now = ctx.clock.now();
  return ctx.seatRequests.prune(now, new Date(now.getTime() - DECIDED_KEPT));
}
