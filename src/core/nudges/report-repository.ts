/** How the report groups people. */
/** `teamleader`: people by their team leader, so HR sees whether outdoor teams (reached through them) take part. */
export const DIMENSIONS = ['department', 'organization', 'education', 'teamleader'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface Span {
  start: Date;
  end: Date;
}

export interface GroupSize {
  group: string;
  people: number;
}

/** People of `group` (current members) with at least one activity in span number `span`. */
export interface GroupActivity {
  group: string;
  span: number;
  active: number;
}

export interface VariantFigures {
  campaignId: string;
  campaignKey: string;
  campaignName: string;
  variant: string;
  /** Distinct people a nudge of this variant was delivered to. */
  sent: number;
  /** Of them, distinct people who clicked its button. */
  clicked: number;
  /** Of them, distinct people with activity within the follow-up days after their nudge. */
  activeAfter: number;
}

/** How many of today's people share a department, an organisation and an education level (the cross table). */
export interface CrossGroupSize {
  department: string;
  organization: string;
  education: string;
  teamleader: string;
  people: number;
}

/** A group's figures of a finished week as first reported; `hidden` as the suppression rule decided then. */
export interface FrozenWeek {
  dimension: Dimension;
  group: string;
  week: string;
  people: number;
  active: number;
  hidden: 'small' | 'complement' | null;
}

/**
 * Counts for the HR report, aggregated in the database: groups and campaigns only, never rows about a person.
 * Suppression of small groups happens in the core (report.ts), on these counts.
 */
export interface EngagementReportRepository {
  groupSizes(dimension: Dimension): Promise<GroupSize[]>;
  activeByGroup(dimension: Dimension, spans: Span[]): Promise<GroupActivity[]>;
  campaignVariants(followUpDays: number): Promise<VariantFigures[]>;
  crossGroupSizes(): Promise<CrossGroupSize[]>;
  frozenWeeks(weeks: string[]): Promise<FrozenWeek[]>;
  /** Stores figures of finished weeks; a week already stored (by another replica) stays as it is. */
  freezeWeeks(rows: FrozenWeek[], now: Date): Promise<void>;
}
