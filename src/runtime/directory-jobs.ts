import type { Core } from '../app.js';
import { formatSync } from '../core/directory/sync-directory.js';
import type { Database } from '../db/index.js';
import type { Job } from '../schedule/scheduler.js';
import { directoryCommands, type DirectoryConnections } from './directory-deps.js';

export interface DirectoryJobSettings {
  connections: DirectoryConnections;
  /** DIRECTORY_SYNC_SCHEDULE (cron in VLIEGWIEL_TIMEZONE); null = off. */
  schedule: string | null;
}

/**
 * The scheduled directory sync: Entra ID first (it governs who has left), then Slack, each only when configured.
 * A failed run changes nothing and is logged; the next fire (or `vliegwiel sync directory`) tries again.
 */
export function directoryJobs(core: Core, db: Database, s: DirectoryJobSettings): Job[] {
  if (!s.schedule || (!s.connections.graph && !s.connections.slack)) return [];
  const commands = directoryCommands(core, db, s.connections);
  const log = core.ctx.logger.child({ component: 'directory-sync' });
  return [
    {
      name: 'directory.sync',
      cron: s.schedule,
      // A missed night is caught up once at start, in the background (an unreachable Graph must not hold up
      // start or stop); the delta link makes a late run as cheap as a timely one.
      catchUpInBackground: true,
      run: async (_fireAt, signal) => {
        const failures: unknown[] = [];
        for (const [name, enabled, sync] of [
          ['directory', Boolean(s.connections.graph), () => commands.syncDirectory(false, signal)],
          ['slack', Boolean(s.connections.slack), () => commands.syncSlack(false, signal)],
        ] as const) {
          if (!enabled || signal?.aborted) continue;
          try {
            const report = await sync();
            log.info(`sync ${name} done`, { lines: formatSync(report).slice(0, 4).join(', '), released: report.released });
          } catch (e) {
            log.error(`sync ${name} failed; nothing was changed, the next run tries again`, { error: (e as Error).message });
            failures.push(e);
          }
        }
        if (failures.length) throw failures[0];
      },
    },
  ];
}
