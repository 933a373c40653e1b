import { DomainError } from '../errors.js';
import { decideSignup } from './decide-signup.js';
import type { WorkshopsDeps } from './deps.js';
import { promotionDrafts, reminderDrafts } from './reminders.js';
import type { CancelOutcome, SignupOutcome } from './workshop.js';

/** A person in a team leader's team, as a sign-up on their behalf needs them. */
export interface TeamMember {
  id: string;
  name: string;
  organizationId: string | null;
  /** False for people without a chat account: reached through their team leader only. */
  hasAccount: boolean;
}

/** The port a proxy sign-up needs: is this person (active, not erased) in this team leader's team? */
export interface TeamMemberLookup {
  member(teamLeaderId: string, personId: string): Promise<TeamMember | null>;
}

export interface OnBehalf {
  teamLeaderId: string;
  personId: string;
  workshopId: string;
}

/**
 * A team leader signs a team member up (or off) for them, after the member agreed (the toolbox asks the leader to
 * confirm that first). It is the person's own sign-up in every way: the same repository call as a click on
 * **Aanmelden** (one seat statement or batch under the workshop's row lock, the same waitlist and promotion), the
 * person's organisation decides whether they may join, the engagement event is theirs. Only `signedUpById` tells
 * it apart ("aangemeld door <team leader>"). Used by the team toolbox (core/team) and by the public page's seat
 * requests once a team leader confirms them.
 */
export class ProxySignups {
  constructor(
    private readonly ctx: WorkshopsDeps,
    private readonly team: TeamMemberLookup,
  ) {}

  private async memberOf(teamLeaderId: string, personId: string): Promise<TeamMember> {
    const m = teamLeaderId === personId ? null : await this.team.member(teamLeaderId, personId);
    if (!m) throw new DomainError('forbidden');
    return m;
  }

  async signUpOnBehalf({ teamLeaderId, personId, workshopId }: OnBehalf): Promise<SignupOutcome & { member: TeamMember }> {
    const member = await this.memberOf(teamLeaderId, personId);
    const now = this.ctx.clock.now();
    const outcome = await this.ctx.workshops.signUp({
      workshopId,
      personId,
      organizationId: member.organizationId,
      now,
      signedUpById: teamLeaderId,
      decide: decideSignup,
      onConfirmed: (w) => reminderDrafts(w, personId, `${w.id}:${personId}`, now),
    });
    return { ...outcome, member };
  }

  async cancelOnBehalf({ teamLeaderId, personId, workshopId }: OnBehalf): Promise<CancelOutcome & { member: TeamMember }> {
    const member = await this.memberOf(teamLeaderId, personId);
    const now = this.ctx.clock.now();
    const outcome = await this.ctx.workshops.cancel({ workshopId, personId, now, onPromoted: promotionDrafts(now) });
    return { ...outcome, member };
  }
}
