import type { Audience } from '../../core/broadcasts/broadcast.js';
import type { Platform } from '../../core/ports.js';
import { departmentIn, groupIn, levelIn } from '../people/person-sql.js';
import { Prisma as P } from '../../generated/prisma/client.js';

/**
 * The audience as SQL over `"Person" p`. The dry run and the send use these same conditions, so the count HR
 * sees is exactly the number of rows written.
 */
export function audienceWhere(a: Audience): P.Sql {
  // People who left are never in an audience: the count HR sees leaves them out too.
  const parts: P.Sql[] = [P.sql`p."erasedAt" IS NULL AND p."deactivatedAt" IS NULL`];
  if (a.organizations.length) parts.push(P.sql`p."organizationId" = ANY(${a.organizations}::uuid[])`);
  if (a.departments.length) parts.push(departmentIn(a.departments));
  if (a.educationLevels.length) parts.push(levelIn(a.educationLevels));
  if (a.groups?.length) parts.push(groupIn(a.groups.map((g) => g.id)));
  if (a.managers?.length) parts.push(P.sql`p."managerId" = ANY(${a.managers.map((m) => m.id)}::uuid[])`);
  if (a.roles.length) parts.push(P.sql`p.roles && ${a.roles}::"Role"[]`);
  if (a.tags.length) {
    parts.push(P.sql`EXISTS (SELECT 1 FROM "PersonSkill" s WHERE s."personId" = p.id AND s.skill = ANY(${a.tags}::text[]))`);
  }
  return P.join(parts, ' AND ');
}

/** Who matches but gets nothing: a pause, or an opt-out of broadcasts. */
export const SKIPPED = P.sql`(p.paused OR 'broadcasts' = ANY(p."optOuts"))`;

/** The person's best identity (reachable, seen most recently): it picks platform and tenant of their row. */
export const BEST_IDENTITY = P.sql`LEFT JOIN LATERAL (
    SELECT platform, "tenantId" FROM "ChannelIdentity"
     WHERE "personId" = p.id AND "unreachableAt" IS NULL
     ORDER BY "lastSeenAt" DESC NULLS LAST, "createdAt" DESC LIMIT 1) ci ON true`;

const finite = (r: number | undefined) => (r !== undefined && Number.isFinite(r) && r > 0 ? r : 0);

/**
 * When a row of a big set may go: rows of one workspace/tenant are planned at its pace (the n-th row n/rate
 * seconds from now). The queue then holds only what can go now, so other features' messages are not stuck
 * behind a broadcast, and a replica never claims rows it would only have to hand back.
 */
export function plannedAt(platform: P.Sql, tenant: P.Sql, order: P.Sql, pace: Partial<Record<Platform, number>> | undefined): P.Sql {
  const slack = finite(pace?.SLACK);
  const teams = finite(pace?.TEAMS);
  if (!slack && !teams) return P.sql`now()`;
  return P.sql`now() + make_interval(secs => (row_number() OVER (PARTITION BY ${platform}, ${tenant} ORDER BY ${order}) - 1)
      / COALESCE(NULLIF(CASE ${platform}::text WHEN 'SLACK' THEN ${slack}::float8 WHEN 'TEAMS' THEN ${teams}::float8 ELSE 0 END, 0), 'Infinity'::float8))`;
}
