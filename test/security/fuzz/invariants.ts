import type { Database } from '../../../src/db/database.js';

/**
 * What must hold after any sequence of inputs, however hostile: seat counts equal the confirmed sign-ups, a
 * waitlist position is never shared, and nobody exists without a way to reach them. A half-done use case (a
 * sign-up without its count, a person without an identity) shows up here.
 */
export async function consistencyProblems(db: Database): Promise<string[]> {
  const seats = await db.prisma.$queryRawUnsafe<{ key: string; counted: number; actual: number }[]>(`
    SELECT w.key, w."confirmedCount" AS counted, count(s.id) FILTER (WHERE s.status = 'CONFIRMED')::int AS actual
    FROM "Workshop" w LEFT JOIN "Signup" s ON s."workshopId" = w.id
    GROUP BY w.id HAVING w."confirmedCount" <> count(s.id) FILTER (WHERE s.status = 'CONFIRMED')`);
  const queue = await db.prisma.$queryRawUnsafe<{ workshopId: string; waitlistSeq: number }[]>(`
    SELECT "workshopId", "waitlistSeq" FROM "Signup" WHERE status = 'WAITLISTED'
    GROUP BY "workshopId", "waitlistSeq" HAVING count(*) > 1`);
  const unreachable = await db.prisma.$queryRawUnsafe<{ id: string }[]>(`
    SELECT p.id FROM "Person" p
    WHERE p."erasedAt" IS NULL AND p.email IS NULL AND NOT EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."personId" = p.id)`);
  return [
    ...seats.map((s) => `workshop ${s.key}: confirmedCount ${s.counted}, confirmed sign-ups ${s.actual}`),
    ...queue.map((q) => `workshop ${q.workshopId}: waitlist position ${q.waitlistSeq} twice`),
    ...unreachable.map((p) => `person ${p.id} without e-mail or chat identity`),
  ];
}
