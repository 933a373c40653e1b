import { ACTIVITY_KINDS, FOLLOW_UP_KINDS } from '../../core/nudges/activity.js';
import type {
  CrossGroupSize, Dimension, EngagementReportRepository, FrozenWeek, GroupActivity, GroupSize, Span, VariantFigures,
} from '../../core/nudges/report-repository.js';
import { Prisma as P } from '../../generated/prisma/client.js';
import type { Prisma } from '../database.js';
import { sqlTime } from './nudges.js';

/** The group a person belongs to for the report, as SQL over `"Person" p` joined with `"Organization" o`; '' = unknown. */
const GROUP: Record<Dimension, P.Sql> = {
  department: P.sql`COALESCE(lower(trim(p.department)), '')`,
  organization: P.sql`COALESCE(o.name, '')`,
  education: P.sql`COALESCE(lower(trim(p."educationLevel")), '')`,
  // The team leader's name; '' = no team leader (or an erased one). Two team leaders of the same name would share a
  // row (and one could see the other's team in the console): then the name carries the leader's e-mail address too.
  teamleader: P.sql`COALESCE((SELECT CASE WHEN EXISTS (
                        SELECT 1 FROM "Person" o2 WHERE o2.id <> l.id AND o2."erasedAt" IS NULL AND lower(o2.name) = lower(l.name)
                          AND EXISTS (SELECT 1 FROM "Person" m2 WHERE m2."managerId" = o2.id))
                      THEN l.name || ' (' || COALESCE(l.email, l.id::text) || ')' ELSE l.name END
                    FROM "Person" l WHERE l.id = p."managerId" AND l."erasedAt" IS NULL), '')`,
};

/**
 * Groups are matched without regard to case, but shown as HR typed them: the department's most common spelling
 * (the first in sort order on a tie), the same for every query of the report so their groups line up.
 */
function shown(dimension: Dimension, inner: P.Sql, columns: P.Sql): P.Sql {
  if (dimension !== 'department') return inner;
  return P.sql`SELECT COALESCE((SELECT trim(q.department) FROM "Person" q
                                 WHERE q."erasedAt" IS NULL AND lower(trim(q.department)) = x."group"
                                 GROUP BY trim(q.department) ORDER BY count(*) DESC, trim(q.department) LIMIT 1), x."group") AS "group",
                ${columns} FROM (${inner}) x`;
}

/**
 * The report's counts. Groups are today's members (not erased), so every week of a group counts the same people
 * and a change from one week to the next says nothing about who joined or left.
 */
export class PrismaEngagementReportRepository implements EngagementReportRepository {
  constructor(private readonly db: Prisma) {}

  groupSizes(dimension: Dimension): Promise<GroupSize[]> {
    return this.db.$queryRaw<GroupSize[]>`${shown(
      dimension,
      P.sql`SELECT ${GROUP[dimension]} AS "group", count(*)::int AS people
        FROM "Person" p LEFT JOIN "Organization" o ON o.id = p."organizationId"
       WHERE p."erasedAt" IS NULL
       GROUP BY 1`,
      P.sql`x.people`,
    )}`;
  }

  activeByGroup(dimension: Dimension, spans: Span[]): Promise<GroupActivity[]> {
    if (spans.length === 0) return Promise.resolve([]);
    return this.db.$queryRaw<GroupActivity[]>`${shown(dimension, P.sql`
      SELECT ${GROUP[dimension]} AS "group", (s.i - 1)::int AS span, count(DISTINCT p.id)::int AS active
        FROM unnest(${spans.map((s) => sqlTime(s.start))}::text[], ${spans.map((s) => sqlTime(s.end))}::text[])
             WITH ORDINALITY AS s(start, "end", i)
        JOIN "EngagementEvent" e ON e."occurredAt" >= s.start::timestamp AND e."occurredAt" < s."end"::timestamp
        JOIN "Person" p ON p.id = e."personId" AND p."erasedAt" IS NULL
        LEFT JOIN "Organization" o ON o.id = p."organizationId"
       WHERE e.kind = ANY(${[...ACTIVITY_KINDS]}::text[])
       GROUP BY 1, 2`, P.sql`x.span, x.active`)}`;
  }

  campaignVariants(followUpDays: number): Promise<VariantFigures[]> {
    return this.db.$queryRaw<VariantFigures[]>`
      WITH sent AS (
        SELECT o."personId", o.payload->>'campaignId' AS cid, o.payload->>'variant' AS variant,
               ((o.payload->>'at')::timestamptz AT TIME ZONE 'UTC') AS at
          FROM "OutboxMessage" o
         WHERE o.kind = 'nudge.campaign' AND o.status = 'SENT' AND o."personId" IS NOT NULL
      )
      SELECT c.id AS "campaignId", c.key AS "campaignKey", c.name AS "campaignName", s.variant,
             count(DISTINCT s."personId")::int AS sent,
             count(DISTINCT s."personId") FILTER (WHERE EXISTS (
               SELECT 1 FROM "EngagementEvent" e
                WHERE e."personId" = s."personId" AND e.kind = 'nudge.click' AND e."refId" = s.cid))::int AS clicked,
             count(DISTINCT s."personId") FILTER (WHERE EXISTS (
               SELECT 1 FROM "EngagementEvent" e
                WHERE e."personId" = s."personId" AND e.kind = ANY(${[...FOLLOW_UP_KINDS]}::text[])
                  AND e."occurredAt" >= s.at AND e."occurredAt" < s.at + make_interval(days => ${followUpDays}::int)))::int AS "activeAfter"
        FROM sent s JOIN "NudgeCampaign" c ON c.id::text = s.cid
       GROUP BY c.id, c.key, c.name, s.variant`;
  }

  crossGroupSizes(): Promise<CrossGroupSize[]> {
    // Departments under the same shown spelling as groupSizes and activeByGroup, so the report's groups line up.
    return this.db.$queryRaw<CrossGroupSize[]>`
      SELECT COALESCE((SELECT trim(q.department) FROM "Person" q
                        WHERE q."erasedAt" IS NULL AND lower(trim(q.department)) = x.department
                        GROUP BY trim(q.department) ORDER BY count(*) DESC, trim(q.department) LIMIT 1), x.department) AS department,
             x.organization, x.education, x.teamleader, x.people
        FROM (SELECT ${GROUP.department} AS department, ${GROUP.organization} AS organization, ${GROUP.education} AS education,
                     ${GROUP.teamleader} AS teamleader, count(*)::int AS people
                FROM "Person" p LEFT JOIN "Organization" o ON o.id = p."organizationId"
               WHERE p."erasedAt" IS NULL
               GROUP BY 1, 2, 3, 4) x`;
  }

  async frozenWeeks(weeks: string[]): Promise<FrozenWeek[]> {
    if (weeks.length === 0) return [];
    const rows = await this.db.reportWeek.findMany({ where: { week: { in: weeks } } });
    return rows.map((r) => ({
      dimension: r.dimension as Dimension,
      group: r.group,
      week: r.week,
      people: r.people,
      active: r.active,
      hidden: r.hidden === 'small' || r.hidden === 'complement' ? r.hidden : null,
    }));
  }

  async freezeWeeks(rows: FrozenWeek[], now: Date): Promise<void> {
    if (rows.length === 0) return;
    // One freezer at a time, and a week is stored whole or not at all: two replicas never mix their figures.
    await this.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
      const done = new Set((await tx.reportWeek.findMany({ where: { week: { in: rows.map((r) => r.week) } }, select: { week: true } })).map((r) => r.week));
      const data = rows.filter((r) => !done.has(r.week)).map((r) => ({ ...r, frozenAt: now }));
      if (data.length) await tx.reportWeek.createMany({ data });
    });
  }
}
