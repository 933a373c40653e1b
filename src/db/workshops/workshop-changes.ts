import { workshopKinds } from '../../core/workshops/outbox-kinds.js';
import { changeDrafts, planChange, reminderDrafts } from '../../core/workshops/workshop-changes.js';
import type { Workshop } from '../../core/workshops/workshop.js';
import type { Prisma } from '../database.js';
import { enqueueInTx } from '../outbox/outbox.js';

type Tx = Parameters<Parameters<Prisma['$transaction']>[0]>[0];

/**
 * Carries out what a change to a workshop means for its people, inside the caller's transaction (HR's edit in
 * chat and a CSV re-import alike): new seats go to the waitlist in order, reminders follow a new time, and
 * everyone signed up or waiting hears about a change or a cancellation.
 */
export async function applyWorkshopChange(tx: Tx, before: Workshop, after: Workshop, now: Date): Promise<void> {
  const plan = planChange(before, after);
  const reminders = { idempotencyKey: { startsWith: `workshop-reminder:${after.id}:` }, status: 'PENDING' as const };
  if (after.cancelled) {
    await tx.outboxMessage.updateMany({ where: reminders, data: { status: 'CANCELLED', lastError: 'workshop cancelled' } });
  } else {
    const confirmed = await tx.signup.count({ where: { workshopId: after.id, status: 'CONFIRMED' } });
    const free = after.capacity - confirmed;
    if (free > 0 && after.startsAt > now) {
      const next = await tx.signup.findMany({
        where: { workshopId: after.id, status: 'WAITLISTED', personId: { not: null } },
        orderBy: { waitlistSeq: 'asc' },
        take: free,
      });
      for (const s of next) {
        await tx.signup.update({ where: { id: s.id }, data: { status: 'CONFIRMED', waitlistSeq: null, confirmedAt: now } });
        await enqueueInTx(tx, [
          workshopKinds.promoted.draft({ idempotencyKey: `workshop-promoted:${after.id}:${s.personId}:${now.getTime()}`, personId: s.personId!, payload: { workshopId: after.id } }),
        ]);
      }
      await tx.workshop.update({ where: { id: after.id }, data: { confirmedCount: confirmed + next.length } });
      if (next.length && !plan.retimeReminders) {
        await enqueueInTx(tx, next.flatMap((s) => reminderDrafts(after, s.personId!, `${after.id}:${s.personId}`, now)));
      }
    }
    if (plan.retimeReminders) {
      await tx.outboxMessage.updateMany({ where: reminders, data: { status: 'CANCELLED', lastError: 'workshop moved' } });
      const people = await tx.signup.findMany({ where: { workshopId: after.id, status: 'CONFIRMED', personId: { not: null } }, select: { personId: true } });
      await enqueueInTx(tx, people.flatMap((p) => reminderDrafts(after, p.personId!, `${after.id}:${p.personId}`, now)));
    }
  }
  if (plan.notify) {
    const concerned = await tx.signup.findMany({
      where: { workshopId: after.id, status: { in: ['CONFIRMED', 'WAITLISTED'] }, personId: { not: null } },
      select: { personId: true },
    });
    await enqueueInTx(tx, changeDrafts(after, plan.notify, concerned.map((c) => c.personId!), after.icsSequence));
  }
}
