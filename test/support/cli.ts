import { runCommand } from '../../src/cli/commands.js';
import type { Database } from '../../src/db/database.js';
import { cliDeps } from '../../src/runtime/admin-deps.js';
import type { DirectoryConnections } from '../../src/runtime/directory-deps.js';

/** Runs one admin command against a test database, with files and output in memory. */
export async function cli(db: Database, argv: string[], opts: { now?: Date; files?: Record<string, string>; directory?: DirectoryConnections } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const code = await runCommand(
    argv,
    {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      readFile: async (p) => {
        const content = opts.files?.[p];
        if (content === undefined) throw Object.assign(new Error(`no such file ${p}`), { code: 'ENOENT', path: p });
        return Buffer.from(content);
      },
      writeFile: async (p, data) => {
        written[p] = data;
      },
    },
    async () => cliDeps(db, { timezone: 'Europe/Amsterdam', now: () => opts.now ?? new Date('2027-03-01T09:00:00Z'), directory: opts.directory ?? {} }),
  );
  return { code, stdout: out.join('\n'), stderr: err.join('\n'), written };
}
