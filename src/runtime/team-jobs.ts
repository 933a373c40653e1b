import type { Core } from '../app.js';
import type { Job } from '../schedule/scheduler.js';

/**
 * The team leader's weekly toolbox (07:00 on the day each leader picked, before the morning briefing) and the
 * day-before list (15:00, still in working hours). Each fire only plans outbox rows, one per leader and day (the
 * idempotency key), and ScheduleRun's claim makes exactly one replica run it.
 */
export function teamJobs(core: Core): Job[] {
  return [
    { name: 'team.toolbox', cron: '0 7 * * *', run: async (fireAt) => void (await core.team.planToolbox(fireAt)) },
    { name: 'team.tomorrow', cron: '0 15 * * *', run: async (fireAt) => void (await core.team.planTomorrow(fireAt)) },
  ];
}
