import type { OutboxDraft } from '../../core/outbox.js';
import type { Rhythm } from '../../core/reflection/rhythm.js';
import type { DueEnrolment, PromptRecipient, PromptScheduleRepository, RhythmGroup } from '../../core/reflection/schedule-repository.js';
import type { Prisma as P } from '../../generated/prisma/client.js';
import type { Prisma } from '../database.js';
import { enqueueInTx } from '../outbox/outbox.js';

/** Who may get a prompt now: present, not paused, not opted out of prompts, reachable on some platform. */
const accepting: P.PersonWhereInput = {
  erasedAt: null,
  paused: false,
  NOT: { optOuts: { has: 'prompts' } },
  identities: { some: { unreachableAt: null } },
};
const RECIPIENT_PAGE = 2000;
const rhythmSelect = { id: true, promptWeekday: true, promptTime: true, promptEveryDays: true, timezone: true, createdAt: true } as const;
type RhythmRow = P.PersonGetPayload<{ select: typeof rhythmSelect }>;

const toRecipient = (p: RhythmRow): PromptRecipient => ({
  personId: p.id,
  rhythm: { weekday: p.promptWeekday, time: p.promptTime, everyDays: p.promptEveryDays },
  timezone: p.timezone,
  since: p.createdAt,
});

export class PrismaPromptScheduleRepository implements PromptScheduleRepository {
  constructor(private readonly db: Prisma) {}

  async rhythms(): Promise<RhythmGroup[]> {
    const rows = await this.db.person.groupBy({
      by: ['promptWeekday', 'promptTime', 'promptEveryDays', 'timezone'],
      where: { ...accepting, promptEveryDays: { gt: 0 } },
    });
    return rows.map((r) => ({ rhythm: { weekday: r.promptWeekday, time: r.promptTime, everyDays: r.promptEveryDays }, timezone: r.timezone }));
  }

  async *recipients(group: RhythmGroup): AsyncIterable<PromptRecipient[]> {
    const same: P.PersonWhereInput = {
      ...accepting,
      promptWeekday: group.rhythm.weekday,
      promptTime: group.rhythm.time,
      promptEveryDays: group.rhythm.everyDays,
      timezone: group.timezone,
    };
    // Keyset pages in id order: when the default rhythm's moment comes, that can be everyone of a large region.
    let after: string | undefined;
    for (;;) {
      const rows = await this.db.person.findMany({
        where: after ? { ...same, id: { gt: after } } : same,
        select: rhythmSelect,
        orderBy: { id: 'asc' },
        take: RECIPIENT_PAGE,
      });
      if (rows.length) yield rows.map(toRecipient);
      if (rows.length < RECIPIENT_PAGE) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  async attendedWorkshops(from: Date, to: Date) {
    // Someone who turned their rhythm off ("only when I ask") gets no follow-up questions either.
    const rows = await this.db.signup.findMany({
      where: {
        attended: true,
        status: 'CONFIRMED',
        workshop: { status: 'SCHEDULED', endsAt: { gte: from, lte: to } },
        person: { ...accepting, promptEveryDays: { gt: 0 } },
      },
      select: { id: true, workshopId: true, workshop: { select: { endsAt: true } }, person: { select: rhythmSelect } },
    });
    return rows.flatMap((s) =>
      s.person ? [{ signupId: s.id, workshopId: s.workshopId, endsAt: s.workshop.endsAt, recipient: toRecipient(s.person) }] : [],
    );
  }

  async openEnrolments(): Promise<DueEnrolment[]> {
    const rows = await this.db.programmeEnrolment.findMany({
      where: { completedAt: null, person: { erasedAt: null } },
      select: {
        id: true,
        startedAt: true,
        lastStep: true,
        personId: true,
        programme: { select: { steps: { select: { position: true, offsetDays: true }, orderBy: { position: 'asc' } } } },
      },
    });
    if (rows.length === 0) return [];
    const ok = await this.db.person.findMany({ where: { ...accepting, id: { in: rows.map((r) => r.personId) } }, select: rhythmSelect });
    const byId = new Map(ok.map((p) => [p.id, toRecipient(p)]));
    return rows.map((r) => ({
      enrolmentId: r.id,
      startedAt: r.startedAt,
      lastStep: r.lastStep,
      steps: r.programme.steps,
      recipient: byId.get(r.personId) ?? null,
    }));
  }

  async existingKeys(keys: string[]) {
    const found = new Set<string>();
    // Chunks stay well under PostgreSQL's limit of bind parameters per statement.
    for (let i = 0; i < keys.length; i += 5000) {
      const rows = await this.db.outboxMessage.findMany({ where: { idempotencyKey: { in: keys.slice(i, i + 5000) } }, select: { idempotencyKey: true } });
      for (const r of rows) found.add(r.idempotencyKey);
    }
    return found;
  }

  async enqueue(drafts: OutboxDraft[]) {
    // Batches keep one transaction from holding many rows' locks for long when thousands are due at 10:00.
    for (let i = 0; i < drafts.length; i += 200) {
      const batch = drafts.slice(i, i + 200);
      await this.db.$transaction((tx) => enqueueInTx(tx, batch), { timeout: 60_000 });
    }
  }

  async advanceEnrolment(enrolmentId: string, position: number, completed: boolean, draft: OutboxDraft | null, now: Date) {
    await this.db.$transaction(async (tx) => {
      // The lastStep guard makes a second run of the same fire (or a second replica) a no-op.
      const r = await tx.programmeEnrolment.updateMany({
        where: { id: enrolmentId, lastStep: { lt: position } },
        data: { lastStep: position, completedAt: completed ? now : null },
      });
      if (r.count === 1 && draft) await enqueueInTx(tx, [draft]);
    });
  }

  async rhythmOf(personId: string) {
    const p = await this.db.person.findUniqueOrThrow({ where: { id: personId }, select: rhythmSelect });
    return { ...toRecipient(p).rhythm, timezone: p.timezone };
  }

  async setRhythm(personId: string, r: Rhythm) {
    await this.db.person.update({ where: { id: personId }, data: { promptWeekday: r.weekday, promptTime: r.time, promptEveryDays: r.everyDays } });
  }
}
