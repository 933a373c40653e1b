import { auditJsonLines, BadAuditQueryError, formatAudit, listAudit, parseLimit, parseSince } from '../core/audit/audit-log.js';
import { option, type CliDeps, type CliIo } from './cli-deps.js';

export const PRIVACY_HELP = `  privacy export <person> [--format json|md] [--out file]
                                  everything stored about one person (AVG request to HR); audited
  privacy erase <person> --yes    erase it as "mijn gegevens" does; without --yes it only shows what would go
  audit [--since 2027-03-01|7d] [--action privacy] [--limit 200] [--format text|json]
                                  the audit log: imports, exports, role changes, broadcasts, erasures`;

/** The first argument that is neither an option nor an option's value. */
const positional = (args: string[], withValues: string[]) =>
  args.find((a, i) => !a.startsWith('--') && !withValues.includes(args[i - 1] ?? ''));

/** `privacy export|erase <person>`: HR carries out a person's AVG request. Returns the exit code. */
export async function privacyCommand(sub: string | undefined, rest: string[], io: CliIo, deps: () => Promise<CliDeps>): Promise<number> {
  const who = positional(rest, ['--out', '--format']);
  const usage = () => {
    io.err('usage: privacy export <person> [--format json|md] [--out file] | privacy erase <person> --yes\nRun "vliegwiel --help" for the commands.');
    return 2;
  };
  if (!who || (sub !== 'export' && sub !== 'erase')) return usage();
  if (sub === 'export') {
    const format = option(rest, '--format') ?? (option(rest, '--out')?.toLowerCase().endsWith('.md') ? 'md' : 'json');
    if (format !== 'json' && format !== 'md') return usage();
    const d = await deps();
    const requests = d.privacy;
    const file = await requests.export(who, format);
    const out = option(rest, '--out');
    if (out) {
      await io.writeFile(out, file.text);
      io.out(`written: ${out} (person ${file.personId}); the export is in the audit log`);
    } else io.out(file.text.replace(/\n$/, ''));
    return 0;
  }
  const d = await deps();
  const requests = d.privacy;
  if (!rest.includes('--yes')) {
    const p = await requests.preview(who);
    io.out(
      `person ${p.personId}: ${p.reflections} reflections and the dossier would be deleted, ${p.signups} sign-ups and ` +
        `${p.klussen} klus hands anonymised (${p.upcoming} seats still to come given back).`,
    );
    io.err('Nothing was erased. Run again with --yes to erase; this cannot be undone.');
    return 1;
  }
  const id = await requests.erase(who);
  io.out(`erased: person ${id} (reflections, goals and dossier deleted; history anonymised; audited as privacy.erase)`);
  return 0;
}

/** `audit`: lists the audit log, oldest first, filtered by time and action. */
export async function auditCommand(args: string[], io: CliIo, deps: () => Promise<CliDeps>): Promise<number> {
  const format = option(args, '--format') ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.err('usage: audit [--since <date|7d>] [--action <name>] [--limit n] [--format text|json]');
    return 2;
  }
  const d = await deps();
  try {
    const since = option(args, '--since');
    const action = option(args, '--action');
    const entries = await listAudit(d.audit, {
      ...(since !== undefined ? { since: parseSince(since, d.now()) } : {}),
      ...(action !== undefined ? { action } : {}),
      limit: parseLimit(option(args, '--limit')),
    });
    io.out(format === 'json' ? auditJsonLines(entries) : formatAudit(entries, d.timezone));
    return 0;
  } catch (e) {
    if (!(e instanceof BadAuditQueryError)) throw e;
    io.err(e.message);
    return 2;
  }
}
