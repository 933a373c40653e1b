import type { Prisma } from '../../db/database.js';

/** One line in the audit log: who did what to what. Details hold ids and counts, not personal data. */
export async function audit(db: Prisma, entry: { actor: string; actorId?: string; action: string; subject?: string; details?: object }) {
  await db.auditLog.create({
    data: {
      actor: entry.actor,
      actorId: entry.actorId ?? null,
      action: entry.action,
      subject: entry.subject ?? null,
      details: entry.details ?? undefined,
    },
  });
}
