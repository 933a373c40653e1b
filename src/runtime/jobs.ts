import { DEFAULT_RETENTION, enforceRetention, type RetentionPolicy } from '../core/privacy/retention.js';
import type { Core } from '../app.js';
import { pruneRequests } from '../core/outreach/seat-requests.js';
import { PromptPlanner } from '../core/reflection/prompt-planner.js';
import { adminPorts, PrismaProcessedEvents, type Database } from '../db/index.js';
import { leaverEraser } from './leaver-erasure.js';
import { nudgeJobs } from './nudge-jobs.js';
import { teamJobs } from './team-jobs.js';
import { directoryJobs, type DirectoryJobSettings } from './directory-jobs.js';
import type { Job } from '../schedule/scheduler.js';

/**
 * Every scheduled job of the bot. Features add theirs here; each job only enqueues work (outbox rows,
 * status changes) and finishes quickly.
 */
export function createJobs(
  core: Core,
  db: Database,
  retention: RetentionPolicy = DEFAULT_RETENTION,
  directory: DirectoryJobSettings = { connections: {}, schedule: null },
): Job[] {
  const processedEvents = new PrismaProcessedEvents(db.prisma);
  const jobs: Job[] = [
    {
      name: 'housekeeping.retention',
      cron: '41 3 * * *',
      // Each kind of data is kept as long as RETENTION_* says (README "Retention"); counts go to the audit log.
      run: async (fireAt) => {
        const report = await enforceRetention(adminPorts(db.prisma), retention, fireAt, leaverEraser(core));
        core.ctx.logger.info('retention enforced', { ...report });
      },
    },
    {
      name: 'housekeeping.processed-events',
      cron: '17 3 * * *',
      // Dedup ids only need to outlive the platforms' retry windows (Slack retries within minutes).
      run: async (fireAt) => {
        await processedEvents.prune(new Date(fireAt.getTime() - 7 * 86_400_000));
        await core.ctx.downloads.pruneExpired(fireAt);
        // Console links and sessions past their end (each is refused anyway; this keeps the tables small).
        await core.ctx.consoleAccess.purge(fireAt);
      },
    },
    {
      name: 'reflection.prompts',
      cron: '*/15 * * * *',
      // Scheduled prompts, workshop follow-ups and programme steps that are due; judged by the real clock, so a
      // catch-up fire after a night of downtime sends nothing into the evening.
      run: async () => {
        await new PromptPlanner(core.ctx.promptSchedule, core.ctx.settings.timezone).run(core.ctx.clock.now());
      },
    },
    {
      name: 'klussen.expire',
      cron: '*/10 * * * *',
      // Klussen past their deadline close and their owners get an outbox message; the real clock decides, so a
      // catch-up fire expires exactly what is overdue by then.
      run: async () => {
        await core.klussen.expireDue();
      },
    },
    {
      name: 'broadcasts.due',
      cron: '* * * * *',
      // Scheduled broadcasts whose moment came start (one outbox row per recipient), finished ones close. The
      // runtime's ticker does the same every few seconds; this keeps the record and covers a stopped ticker.
      catchUp: false,
      run: async () => {
        await core.broadcasts.tick(core.ctx.clock.now());
      },
    },
    {
      name: 'outreach.seat-requests',
      cron: '7 * * * *',
      // AVG: a seat request from the public page is personal data; unconfirmed ones go once expired, decided ones
      // after 30 days (README "Public page").
      run: async () => {
        const removed = await pruneRequests(core.outreach);
        if (removed) core.ctx.logger.info('seat requests removed', { removed });
      },
    },
    // Nudge campaigns and the weekly team-leader digest.
    ...nudgeJobs(core, db),
    // Team leaders: the weekly toolbox and the day-before list (issue 18).
    ...teamJobs(core),
    // Entra ID and Slack directory sync (DIRECTORY_SYNC_SCHEDULE), when configured.
    ...directoryJobs(core, db, directory),
  ];
  return jobs;
}
