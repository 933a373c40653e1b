import { DirectoryUnavailableError } from '../core/directory/directory-source.js';
import { formatSync } from '../core/directory/sync-directory.js';
import type { CliDeps, CliIo } from './cli-deps.js';

export const SYNC_HELP = `  sync directory [--dry-run]      people, team leaders, leavers and groups from Microsoft Entra ID (Graph) with
                                  the Teams app registration; --dry-run only shows what would change
  sync slack [--dry-run]          links Slack members to people by e-mail; deactivated accounts become leavers`;

/**
 * `sync directory|slack [--dry-run]`: prints created/changed/deactivated/refused and every refused record. Exits 1
 * when the source could not be read completely or is not configured: nothing was changed then.
 */
export async function syncCommand(sub: string | undefined, rest: string[], io: CliIo, deps: () => Promise<CliDeps>): Promise<number> {
  const unknown = rest.filter((a) => a !== '--dry-run');
  if ((sub !== 'directory' && sub !== 'slack') || unknown.length) {
    io.err('usage: sync directory|slack [--dry-run]\nRun "vliegwiel --help" for the commands.');
    return 2;
  }
  const dryRun = rest.includes('--dry-run');
  const d = await deps();
  const configured = d.directory.available()[sub];
  if (!configured) {
    io.err(
      sub === 'directory'
        ? 'The directory sync needs MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID (the Teams app registration, with the Graph permissions User.Read.All and GroupMember.Read.All). Nothing was changed.'
        : 'The Slack sync needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (scopes users:read and users:read.email). Nothing was changed.',
    );
    return 1;
  }
  try {
    const report = sub === 'directory' ? await d.directory.syncDirectory(dryRun) : await d.directory.syncSlack(dryRun);
    for (const line of formatSync(report)) io.out(line);
    if (!dryRun && (report.released.seats || report.released.hands)) {
      io.out(`leavers: ${report.released.seats} workshop seats given back, ${report.released.hands} klus hands withdrawn`);
    }
    return 0;
  } catch (e) {
    if (!(e instanceof DirectoryUnavailableError)) throw e;
    io.err(`The ${sub} sync could not complete; nothing was changed. Run it again later.\n${e.message}`);
    return 1;
  }
}
