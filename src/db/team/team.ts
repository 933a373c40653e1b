import type { TeamKlus, TeamRepository, TeamSignup, TeamWorkshop } from '../../core/team/team-repository.js';
import type { TeamMember } from '../../core/workshops/proxy-signups.js';
import type { Prisma } from '../database.js';
import { isUuid } from '../ids.js';

/** Team members: active (not erased, not a leaver) people whose team leader is `l`. */
const ACTIVE = `p."erasedAt" IS NULL AND p."deactivatedAt" IS NULL`;
// A leader who never chose a day gets the toolbox on Monday only when the team has someone without a chat account.
const DEFAULT_TOOLBOX_DAY = 1;
const HAS_MEMBER_WITHOUT_CHAT = `EXISTS (SELECT 1 FROM "Person" p WHERE p."managerId" = l.id AND ${ACTIVE}
  AND NOT EXISTS (SELECT 1 FROM "ChannelIdentity" c WHERE c."personId" = p.id))`;

export class PrismaTeamRepository implements TeamRepository {
  constructor(private readonly db: Prisma) {}

  async member(teamLeaderId: string, personId: string): Promise<TeamMember | null> {
    if (!isUuid(teamLeaderId) || !isUuid(personId)) return null;
    const rows = await this.db.$queryRawUnsafe<TeamMember[]>(
      `SELECT p.id::text, p.name, p."organizationId"::text AS "organizationId",
              EXISTS (SELECT 1 FROM "ChannelIdentity" c WHERE c."personId" = p.id) AS "hasAccount"
         FROM "Person" p WHERE p.id = $1::uuid AND p."managerId" = $2::uuid AND ${ACTIVE}`,
      personId,
      teamLeaderId,
    );
    return rows[0] ?? null;
  }

  members(teamLeaderId: string): Promise<TeamMember[]> {
    if (!isUuid(teamLeaderId)) return Promise.resolve([]);
    return this.db.$queryRawUnsafe<TeamMember[]>(
      `SELECT p.id::text, p.name, p."organizationId"::text AS "organizationId",
              EXISTS (SELECT 1 FROM "ChannelIdentity" c WHERE c."personId" = p.id) AS "hasAccount"
         FROM "Person" p WHERE p."managerId" = $1::uuid AND ${ACTIVE} ORDER BY lower(p.name), p.id`,
      teamLeaderId,
    );
  }

  openWorkshops(teamLeaderId: string, from: Date, until: Date, limit: number): Promise<TeamWorkshop[]> {
    return this.db.$queryRawUnsafe<TeamWorkshop[]>(
      `SELECT w.id::text, w.title, w."startsAt", w."endsAt", w.location, GREATEST(0, w.capacity - w."confirmedCount")::int AS free
         FROM "Workshop" w
        WHERE w.status = 'SCHEDULED' AND w."startsAt" >= $2 AND w."startsAt" < $3 AND w.capacity > w."confirmedCount"
          AND (w."signupDeadline" IS NULL OR w."signupDeadline" >= $2)
          AND (NOT EXISTS (SELECT 1 FROM "WorkshopOpenTo" o WHERE o."workshopId" = w.id)
               OR EXISTS (SELECT 1 FROM "WorkshopOpenTo" o JOIN "Person" p ON p."organizationId" = o."organizationId"
                           WHERE o."workshopId" = w.id AND p."managerId" = $1::uuid AND ${ACTIVE}))
        ORDER BY w."startsAt", w.title LIMIT $4`,
      teamLeaderId,
      from,
      until,
      limit,
    );
  }

  fittingKlussen(teamLeaderId: string, now: Date, limit: number): Promise<TeamKlus[]> {
    return this.db.$queryRawUnsafe<TeamKlus[]>(
      `SELECT k.id::text, k.title, k."hoursPerWeek" FROM "Klus" k
        WHERE k.status = 'OPEN' AND (k.deadline IS NULL OR k.deadline >= $2)
          AND EXISTS (SELECT 1 FROM "Person" p JOIN "PersonSkill" s ON s."personId" = p.id
                       WHERE p."managerId" = $1::uuid AND ${ACTIVE} AND s.skill = ANY(k.skills)
                         AND (k."openToRegion" OR k."organizationId" = p."organizationId"))
        ORDER BY k."publishedAt" DESC NULLS LAST, k.title LIMIT $3`,
      teamLeaderId,
      now,
      limit,
    );
  }

  teamSignups(teamLeaderId: string, from: Date, until: Date): Promise<TeamSignup[]> {
    return this.db.$queryRawUnsafe<TeamSignup[]>(
      `SELECT p.id::text AS "personId", p.name AS "personName", w.id::text AS "workshopId", w.title, w."startsAt", w."endsAt",
              w.location, w."onlineUrl", s.status::text AS status, b.name AS "signedUpBy"
         FROM "Signup" s JOIN "Person" p ON p.id = s."personId" JOIN "Workshop" w ON w.id = s."workshopId"
         LEFT JOIN "Person" b ON b.id = s."signedUpById"
        WHERE p."managerId" = $1::uuid AND ${ACTIVE} AND s.status IN ('CONFIRMED', 'WAITLISTED')
          AND w.status = 'SCHEDULED' AND w."startsAt" >= $2 AND w."startsAt" < $3
        ORDER BY w."startsAt", w.title, lower(p.name)`,
      teamLeaderId,
      from,
      until,
    );
  }

  async leadersForToolbox(weekday: number): Promise<string[]> {
    const rows = await this.db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT l.id::text FROM "Person" l
        WHERE (l."toolboxWeekday" = $1 OR (l."toolboxWeekday" IS NULL AND $1 = ${DEFAULT_TOOLBOX_DAY} AND ${HAS_MEMBER_WITHOUT_CHAT}))
          AND l."erasedAt" IS NULL AND l."deactivatedAt" IS NULL
          AND EXISTS (SELECT 1 FROM "Person" p WHERE p."managerId" = l.id AND ${ACTIVE})
        ORDER BY l.id`,
      weekday,
    );
    return rows.map((r) => r.id);
  }

  async leadersWithTeamGoing(from: Date, until: Date): Promise<string[]> {
    const rows = await this.db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT DISTINCT l.id::text FROM "Person" l JOIN "Person" p ON p."managerId" = l.id
         JOIN "Signup" s ON s."personId" = p.id JOIN "Workshop" w ON w.id = s."workshopId"
        WHERE l."erasedAt" IS NULL AND l."deactivatedAt" IS NULL AND ${ACTIVE}
          AND s.status IN ('CONFIRMED', 'WAITLISTED') AND w.status = 'SCHEDULED' AND w."startsAt" >= $1 AND w."startsAt" < $2
        ORDER BY 1`,
      from,
      until,
    );
    return rows.map((r) => r.id);
  }

  async toolboxWeekday(personId: string): Promise<number> {
    if (!isUuid(personId)) return 0;
    const rows = await this.db.$queryRawUnsafe<{ day: number }[]>(
      `SELECT COALESCE(l."toolboxWeekday", CASE WHEN ${HAS_MEMBER_WITHOUT_CHAT} THEN ${DEFAULT_TOOLBOX_DAY} ELSE 0 END)::int AS day
         FROM "Person" l WHERE l.id = $1::uuid`,
      personId,
    );
    return rows[0]?.day ?? 0;
  }

  async setToolboxWeekday(personId: string, weekday: number): Promise<void> {
    await this.db.person.update({ where: { id: personId }, data: { toolboxWeekday: weekday } });
  }

  /** One event per member and question: the leader pressing the button twice counts once. */
  recordTeamTalk(teamLeaderId: string, promptKey: string, now: Date): Promise<number> {
    return this.db.$executeRawUnsafe(
      `INSERT INTO "EngagementEvent" ("personId", kind, "refId", "occurredAt", data)
       SELECT p.id, 'team.talk', $2, $3, jsonb_build_object('by', $1::text)
         FROM "Person" p
        WHERE p."managerId" = $1::uuid AND ${ACTIVE}
          AND NOT EXISTS (SELECT 1 FROM "EngagementEvent" e WHERE e."personId" = p.id AND e.kind = 'team.talk' AND e."refId" = $2)`,
      teamLeaderId,
      promptKey,
      now,
    );
  }

  async teamTalkQuestions(): Promise<{ key: string; nl: string; en: string }[]> {
    const rows = await this.db.prompt.findMany({
      where: { active: true, kind: 'SCENARIO', textNl: { endsWith: 'aanpakken?' } },
      select: { key: true, textNl: true, textEn: true },
      orderBy: { key: 'asc' },
    });
    return rows.map((r) => ({ key: r.key, nl: r.textNl, en: r.textEn }));
  }
}
