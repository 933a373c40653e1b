import type { Campaign, CampaignStatus, CampaignTarget } from './campaign.js';

/** A person a campaign may reach now, with what their window depends on. */
export interface NudgeTarget {
  personId: string;
  department: string | null;
  timezone: string | null;
}

/** One planned campaign nudge (kind `nudge.campaign`). */
export interface PlannedNudge {
  idempotencyKey: string;
  personId: string;
  /** The moment it may go: inside the person's window. */
  notBefore: Date;
  /** The person's local day of `notBefore`: the weekly cap counts in local days. */
  day: number;
  /** `at` = notBefore (ISO): what the report's "active after" counts from, on the same clock as the events. */
  payload: { campaignId: string; variant: string; fireAt: string; at: string; day: number };
}

/** A team leader's digest, planned like a nudge. */
export interface PlannedDigest {
  idempotencyKey: string;
  personId: string;
  notBefore: Date;
  payload: { week: string };
}

export interface TeamLeader {
  personId: string;
  department: string | null;
  timezone: string | null;
}

/**
 * A team's figures, aggregated in the database. `active` is null below the minimum group size: the number never
 * leaves the repository for a small team.
 */
export interface TeamFigures {
  size: number;
  active: number | null;
  /** Workshops open to the team's organisations in the coming two weeks (not about people). */
  upcomingWorkshops: number;
}

export interface NudgeRepository {
  listCampaigns(): Promise<Campaign[]>;
  activeCampaigns(): Promise<Campaign[]>;
  getCampaign(id: string): Promise<Campaign | null>;
  /**
   * Changes the status and writes the audit line (`campaign.status`) in one transaction; `actor` = person id or
   * 'cli'/'system'. `now` becomes the campaign's `updatedAt`: fires before it are not owed (see CampaignRunner).
   */
  setCampaignStatus(id: string, status: CampaignStatus, actor: string, now: Date): Promise<Campaign | null>;
  /**
   * People the target reaches at `now`: the attributes, no activity in `inactiveWeeks`, not erased, not paused, not
   * opted out of nudges, and reachable in chat. With `personId`, whether that one person still is.
   */
  targets(target: CampaignTarget, now: Date, personId?: string): Promise<NudgeTarget[]>;
  /**
   * Writes the nudges whose person has no other campaign nudge (not cancelled) within `capDays` local days of
   * it. Serialised with every other call, so campaigns firing together on several replicas still respect the cap.
   * Returns how many were written.
   */
  enqueueCapped(nudges: PlannedNudge[], capDays: number): Promise<number>;
  enqueueDigests(digests: PlannedDigest[]): Promise<number>;
  /**
   * Counts a click on a nudge of `campaignId`, only when that person was sent one (nobody counts clicks for
   * someone else). Returns the variant the person got, or null.
   */
  recordClick(personId: string, campaignId: string, now: Date): Promise<{ variant: string } | null>;
  setOptOut(personId: string, category: string, optedOut: boolean): Promise<void>;
  isOptedOut(personId: string, category: string): Promise<boolean>;
  /** People with at least one direct report who may get a digest (not erased, paused or opted out, reachable). */
  teamLeaders(): Promise<TeamLeader[]>;
  teamFigures(managerId: string, activeSince: Date, now: Date): Promise<TeamFigures>;
}
