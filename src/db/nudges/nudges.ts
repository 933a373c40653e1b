import { ACTIVITY_KINDS } from '../../core/nudges/activity.js';
import { departmentIn, groupIn, levelIn, teamOf } from '../people/person-sql.js';
import type { Campaign, CampaignStatus, CampaignTarget } from '../../core/nudges/campaign.js';
import type { NudgeRepository, NudgeTarget, PlannedDigest, PlannedNudge, TeamFigures, TeamLeader } from '../../core/nudges/nudge-repository.js';
import { MIN_GROUP } from '../../core/nudges/settings.js';
import { Prisma as P } from '../../generated/prisma/client.js';
import type { Prisma } from '../database.js';
import { isUuid } from '../ids.js';
import { CampaignRows } from './nudge-campaigns.js';
import { enqueueInTx } from '../outbox/outbox.js';

const WEEK_MS = 7 * 86_400_000;
const CHUNK = 1000;
// One lock key for every nudge enqueue: the cap is "across all campaigns", so campaigns firing together on two
// replicas must not both see a person as free. Held only for the insert statements of one fire.
const CAP_LOCK = 7_366_001;

/** `timestamp(3)` text in UTC: the columns have no time zone, and arrays of Dates have no safe driver mapping. */
export const sqlTime = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

const kinds = [...ACTIVITY_KINDS];

/** Any activity of person `p` since `since`. */
export const activeSince = (since: Date) =>
  P.sql`EXISTS (SELECT 1 FROM "EngagementEvent" e WHERE e."personId" = p.id AND e.kind = ANY(${kinds}::text[]) AND e."occurredAt" >= ${since})`;

const REACHABLE = P.sql`EXISTS (SELECT 1 FROM "ChannelIdentity" ci WHERE ci."personId" = p.id AND ci."unreachableAt" IS NULL)`;

/** Who may get a nudge at all: present, not paused, not opted out of nudges, reachable in chat. */
const NUDGEABLE = P.sql`p."erasedAt" IS NULL AND p."deactivatedAt" IS NULL AND NOT p.paused AND NOT ('nudges' = ANY(p."optOuts")) AND ${REACHABLE}`;

/** The campaign target as SQL over `"Person" p`: every non-empty list narrows (any value of a list matches). */
function targetWhere(t: CampaignTarget, now: Date): P.Sql {
  const parts: P.Sql[] = [NUDGEABLE];
  const orgs = t.organizations.filter(isUuid);
  if (t.organizations.length) parts.push(P.sql`p."organizationId" = ANY(${orgs}::uuid[])`);
  if (t.departments.length) parts.push(departmentIn(t.departments));
  if (t.educationLevels.length) parts.push(levelIn(t.educationLevels));
  if (t.groups.length) parts.push(groupIn(t.groups));
  if (t.teamsOf.length) parts.push(teamOf(t.teamsOf));
  if (t.roles.length) parts.push(P.sql`p.roles && ${t.roles}::"Role"[]`);
  if (t.inactiveWeeks > 0) parts.push(P.sql`NOT ${activeSince(new Date(now.getTime() - t.inactiveWeeks * WEEK_MS))}`);
  return P.join(parts, ' AND ');
}

export class PrismaNudgeRepository implements NudgeRepository {
  private readonly campaigns: CampaignRows;

  constructor(private readonly db: Prisma) {
    this.campaigns = new CampaignRows(db);
  }

  listCampaigns(): Promise<Campaign[]> {
    return this.campaigns.list();
  }

  activeCampaigns(): Promise<Campaign[]> {
    return this.campaigns.active();
  }

  getCampaign(id: string): Promise<Campaign | null> {
    return this.campaigns.get(id);
  }

  setCampaignStatus(id: string, status: CampaignStatus, actor: string, now: Date): Promise<Campaign | null> {
    return this.campaigns.setStatus(id, status, actor, now);
  }

  async targets(target: CampaignTarget, now: Date, personId?: string): Promise<NudgeTarget[]> {
    if (personId !== undefined && !isUuid(personId)) return [];
    const one = personId ? P.sql`AND p.id = ${personId}::uuid` : P.empty;
    return this.db.$queryRaw<NudgeTarget[]>`
      SELECT p.id AS "personId", p.department, p.timezone FROM "Person" p
       WHERE ${targetWhere(target, now)} ${one}
       ORDER BY p.id`;
  }

  async enqueueCapped(nudges: PlannedNudge[], capDays: number): Promise<number> {
    if (nudges.length === 0) return 0;
    return this.db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${CAP_LOCK}::bigint)`;
        let written = 0;
        for (let i = 0; i < nudges.length; i += CHUNK) {
          const part = nudges.slice(i, i + CHUNK);
          // A nudge is written only when its person has no other campaign nudge (not cancelled) within capDays
          // local days of its own day; the lock makes this check and the insert one step across replicas.
          written += await tx.$executeRaw`
            INSERT INTO "OutboxMessage" ("idempotencyKey", kind, "personId", platform, "tenantId", payload, status, "nextAttemptAt", "dueAt")
            SELECT c.key, 'nudge.campaign', c.pid, ci.platform, ci."tenantId", c.payload::jsonb, 'PENDING'::"OutboxStatus", c.nb::timestamp,
                   c.nb::timestamp
              FROM unnest(${part.map((n) => n.idempotencyKey)}::text[], ${part.map((n) => n.personId)}::uuid[],
                          ${part.map((n) => JSON.stringify(n.payload))}::text[], ${part.map((n) => sqlTime(n.notBefore))}::text[],
                          ${part.map((n) => n.day)}::int[]) AS c(key, pid, payload, nb, day)
              JOIN LATERAL (
                   SELECT platform, "tenantId" FROM (
                     SELECT platform, "tenantId", "lastSeenAt", "createdAt", 0 AS via FROM "ChannelIdentity"
                      WHERE "personId" = c.pid AND "unreachableAt" IS NULL
                     UNION ALL
                     -- A person without a chat account: the nudge goes to their team leader (core/team/relay.ts).
                     SELECT x.platform, x."tenantId", x."lastSeenAt", x."createdAt", 1 FROM "Person" m
                       JOIN "Person" l ON l.id = m."managerId" AND l."erasedAt" IS NULL
                       JOIN "ChannelIdentity" x ON x."personId" = l.id AND x."unreachableAt" IS NULL
                      WHERE m.id = c.pid AND NOT EXISTS (SELECT 1 FROM "ChannelIdentity" o WHERE o."personId" = m.id)) i
                    ORDER BY via, "lastSeenAt" DESC NULLS LAST, "createdAt" DESC LIMIT 1) ci ON true
             WHERE NOT EXISTS (
                   SELECT 1 FROM "OutboxMessage" o
                    WHERE o."personId" = c.pid AND o.kind = 'nudge.campaign' AND o.status <> 'CANCELLED'
                      AND abs(COALESCE((o.payload->>'day')::int, 0) - c.day) < ${capDays}::int)
            ON CONFLICT ("idempotencyKey") DO NOTHING`;
        }
        return written;
      },
      { timeout: 120_000, maxWait: 60_000 },
    );
  }

  enqueueDigests(digests: PlannedDigest[]): Promise<number> {
    return enqueueInTx(this.db, digests.map((d) => ({ ...d, kind: 'nudge.digest' })));
  }

  async recordClick(personId: string, campaignId: string, now: Date): Promise<{ variant: string } | null> {
    if (!isUuid(personId) || !isUuid(campaignId)) return null;
    const rows = await this.db.$queryRaw<{ variant: string }[]>`
      INSERT INTO "EngagementEvent" ("personId", kind, "refId", "occurredAt", data)
      SELECT o."personId", 'nudge.click', ${campaignId}, ${now}, jsonb_build_object('variant', o.payload->>'variant')
        FROM "OutboxMessage" o
       WHERE o."personId" = ${personId}::uuid AND o.kind = 'nudge.campaign' AND o.payload->>'campaignId' = ${campaignId}
         AND o.status IN ('SENT', 'SENDING')
       ORDER BY o."createdAt" DESC LIMIT 1
      RETURNING data->>'variant' AS variant`;
    return rows[0] ?? null;
  }

  async setOptOut(personId: string, category: string, optedOut: boolean): Promise<void> {
    await this.db.$executeRaw`
      UPDATE "Person"
         SET "optOuts" = CASE WHEN ${optedOut} THEN array_append(array_remove("optOuts", ${category}), ${category})
                              ELSE array_remove("optOuts", ${category}) END,
             "updatedAt" = ${new Date()}
       WHERE id = ${personId}::uuid`;
  }

  async isOptedOut(personId: string, category: string): Promise<boolean> {
    const p = await this.db.person.findUnique({ where: { id: personId }, select: { optOuts: true, erasedAt: true } });
    return !p || !!p.erasedAt || p.optOuts.includes(category);
  }

  async teamLeaders(): Promise<TeamLeader[]> {
    return this.db.$queryRaw<TeamLeader[]>`
      SELECT p.id AS "personId", p.department, p.timezone FROM "Person" p
       WHERE ${NUDGEABLE}
         AND EXISTS (SELECT 1 FROM "Person" r WHERE r."managerId" = p.id AND r."erasedAt" IS NULL AND r."deactivatedAt" IS NULL)
       ORDER BY p.id`;
  }

  async teamFigures(managerId: string, activeSinceAt: Date, now: Date): Promise<TeamFigures> {
    if (!isUuid(managerId)) return { size: 0, active: null, upcomingWorkshops: 0 };
    const [row] = await this.db.$queryRaw<{ size: number; active: number; orgs: string[] | null }[]>`
      SELECT count(*)::int AS size, count(*) FILTER (WHERE ${activeSince(activeSinceAt)})::int AS active,
             array_agg(DISTINCT p."organizationId"::text) FILTER (WHERE p."organizationId" IS NOT NULL) AS orgs
        FROM "Person" p WHERE p."managerId" = ${managerId}::uuid AND p."erasedAt" IS NULL AND p."deactivatedAt" IS NULL`;
    const size = row?.size ?? 0;
    const orgs = row?.orgs ?? [];
    const upcomingWorkshops = await this.db.workshop.count({
      where: {
        status: 'SCHEDULED',
        startsAt: { gte: now, lt: new Date(now.getTime() + 2 * WEEK_MS) },
        OR: [{ openTo: { none: {} } }, ...(orgs.length ? [{ openTo: { some: { organizationId: { in: orgs } } } }] : [])],
      },
    });
    // The count of active people never leaves this method for a team below the minimum size.
    return { size, active: size >= MIN_GROUP ? (row?.active ?? 0) : null, upcomingWorkshops };
  }
}
