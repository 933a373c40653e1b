import type { OutboxDraft } from '../outbox.js';
import { deliverableNow, followUpMoments, isoDay, latestSlot, nextQuietMoment, programmeStepDue, zoneOr } from './rhythm.js';
import type { PromptScheduleRepository } from './schedule-repository.js';
import { promptKinds } from './outbox-kinds.js';

/** How far back attended workshops are looked at: the last follow-up (3 weeks, moved off a weekend) plus slack. */
const FOLLOW_UP_HORIZON_MS = 25 * 86_400_000;

export interface PlanResult {
  scheduled: number;
  followUps: number;
  programmeSteps: number;
}

/**
 * Decides, at each run of the prompt job (every 15 minutes), which prompts are due and queues them in the
 * outbox; the texts are composed at delivery. Keys are per person and slot, so a run that repeats (catch-up,
 * a second replica) queues nothing twice, and a message once queued is never queued again, even if it was
 * cancelled because the person paused.
 */
export class PromptPlanner {
  constructor(
    private readonly repo: PromptScheduleRepository,
    private readonly timezone: string,
  ) {}

  async run(now: Date): Promise<PlanResult> {
    return {
      scheduled: await this.scheduled(now),
      followUps: await this.followUps(now),
      programmeSteps: await this.programmeSteps(now),
    };
  }

  /** The person's own rhythm: the slot of today, once its time has come (and before quiet hours start). */
  async scheduled(now: Date): Promise<number> {
    let planned = 0;
    // People who share a rhythm share its moments: only the groups whose slot has come are read, so most runs
    // read a handful of rhythms and nobody.
    for (const group of await this.repo.rhythms()) {
      const tz = zoneOr(group.timezone, this.timezone);
      const slot = latestSlot(group.rhythm, now, tz);
      if (!slot || !deliverableNow(slot.at, now, tz)) continue;
      const day = isoDay(slot.day);
      for await (const page of this.repo.recipients(group)) {
        const drafts: OutboxDraft[] = page
          .filter((r) => slot.at.getTime() >= r.since.getTime())
          .map((r) => ({
            idempotencyKey: `prompt.scheduled:${r.personId}:${day}`,
            kind: promptKinds.scheduled.name,
            personId: r.personId,
            payload: { slot: day },
            notBefore: slot.at,
          }));
        planned += await this.enqueueNew(drafts);
      }
    }
    return planned;
  }

  /** About 1 day, 1 week and 3 weeks after an attended workshop, each on its day at the person's time. */
  async followUps(now: Date): Promise<number> {
    const drafts: OutboxDraft[] = [];
    for (const a of await this.repo.attendedWorkshops(new Date(now.getTime() - FOLLOW_UP_HORIZON_MS), now)) {
      const tz = zoneOr(a.recipient.timezone, this.timezone);
      for (const m of followUpMoments(a.endsAt, a.recipient.rhythm, tz)) {
        if (!deliverableNow(m.due, now, tz)) continue;
        drafts.push({
          idempotencyKey: `prompt.follow-up:${a.signupId}:${m.stage}`,
          kind: promptKinds.followUp.name,
          personId: a.recipient.personId,
          payload: { signupId: a.signupId, workshopId: a.workshopId, stage: m.stage },
          notBefore: m.due,
        });
      }
    }
    return this.enqueueNew(drafts);
  }

  /**
   * Programme steps are never dropped: the latest step that is due goes out (at the next quiet-hours moment),
   * and steps skipped over while the person was paused count as passed.
   */
  async programmeSteps(now: Date): Promise<number> {
    let sent = 0;
    for (const e of await this.repo.openEnrolments()) {
      if (!e.recipient || e.steps.length === 0) continue;
      const tz = zoneOr(e.recipient.timezone, this.timezone);
      const due = e.steps.filter(
        (s) => s.position > e.lastStep && programmeStepDue(e.startedAt, s.offsetDays, e.recipient!.rhythm, tz).getTime() <= now.getTime(),
      );
      const step = due[due.length - 1];
      if (!step) continue;
      const last = e.steps[e.steps.length - 1]!.position;
      await this.repo.advanceEnrolment(
        e.enrolmentId,
        step.position,
        step.position === last,
        {
          idempotencyKey: `prompt.programme:${e.enrolmentId}:${step.position}`,
          kind: promptKinds.programme.name,
          personId: e.recipient.personId,
          payload: { enrolmentId: e.enrolmentId, position: step.position },
          notBefore: nextQuietMoment(now, tz),
        },
        now,
      );
      sent++;
    }
    return sent;
  }

  private async enqueueNew(drafts: OutboxDraft[]): Promise<number> {
    if (drafts.length === 0) return 0;
    const existing = await this.repo.existingKeys(drafts.map((d) => d.idempotencyKey));
    const fresh = drafts.filter((d) => !existing.has(d.idempotencyKey));
    await this.repo.enqueue(fresh);
    return fresh.length;
  }
}
