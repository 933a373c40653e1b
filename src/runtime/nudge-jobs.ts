import { randomUUID } from 'node:crypto';
import type { Core } from '../app.js';
import { NudgeService, nudgeSettings } from '../core/nudges/nudge-service.js';
import { PrismaFireClaims, type Database } from '../db/index.js';
import { CampaignRunner } from '../schedule/campaign-runner.js';
import { Scheduler, type Job } from '../schedule/scheduler.js';

/**
 * Campaign fires and the weekly team-leader digest; each only plans outbox rows. Old ScheduleRun rows (the claims
 * these write) go with the retention job (src/admin/retention.ts, RETENTION_*).
 */
export function nudgeJobs(core: Core, db: Database): Job[] {
  const { ctx } = core;
  const service = new NudgeService(ctx);
  // Campaign fires are claimed through a scheduler of their own (same table, same rules as every job).
  const claims = new Scheduler(new PrismaFireClaims(db.prisma), ctx.logger.child({ component: 'campaigns' }), {
    timezone: ctx.settings.timezone,
    runnerId: `campaigns:${randomUUID()}`,
  });
  const runner = new CampaignRunner(claims, ctx.nudges, service, ctx.settings.timezone);
  return [
    {
      name: 'nudges.campaigns',
      cron: '* * * * *',
      // Judged by the later of the fire and the core's clock: at start this catches up each campaign's latest
      // missed fire, once; a clock behind the fire (a simulation driving the scheduler) cannot hold fires back.
      run: async (fireAt) => {
        const now = ctx.clock.now();
        await runner.tick(now.getTime() > fireAt.getTime() ? now : fireAt);
      },
    },
    {
      name: 'nudges.digest',
      cron: nudgeSettings(ctx).digestCron,
      // One digest per team leader per ISO week (the idempotency key), so a caught-up fire never sends a second.
      run: async (fireAt) => {
        await service.planDigests(fireAt);
      },
    },
  ];
}
