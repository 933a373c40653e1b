import { statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/index.js';
import { acquireLock, DataDirBusyError } from '../runtime/instance-lock.js';
import { cliDeps } from '../runtime/admin-deps.js';
import { directoryConnections } from '../runtime/directory-deps.js';
import { LocalBridge } from '../runtime/local-bridge.js';
import { runCommand, type CliIo } from './commands.js';

const io: CliIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  readFile: (p) => readFile(p),
  writeFile: (p, data) => writeFile(p, data),
};

/** Files named on the command line travel with the request when the running bot carries out the command. */
async function viaBot(bridge: LocalBridge, argv: string[]): Promise<number> {
  const files: Record<string, string> = {};
  for (const a of argv) if (statSync(a, { throwIfNoEntry: false })?.isFile()) files[a] = (await readFile(a)).toString('base64');
  const r = await bridge.post<{ code: number; stdout: string; stderr: string; files: Record<string, string> }>('/admin/cli', { argv, files });
  for (const [p, content] of Object.entries(r.files)) await writeFile(p, Buffer.from(content, 'base64'));
  if (r.stdout) io.out(r.stdout);
  if (r.stderr) io.err(r.stderr);
  return r.code;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || ['--help', '-h', 'help'].includes(argv[0]!)) return runCommand(argv, io, () => Promise.reject(new Error('unused')));
  const config = loadConfig();
  if (!config.databaseUrl) {
    const bridge = await LocalBridge.find(config.dataDir);
    if (bridge) return viaBot(bridge, argv);
  }
  let release: (() => Promise<void>) | undefined;
  let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    return await runCommand(argv, io, async () => {
      if (!config.databaseUrl) release = (await acquireLock(config.dataDir, 'cli')).release;
      db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir }, { poolSize: 2 });
      if (argv[0] !== 'migrate') await db.migrate();
      return cliDeps(db, { timezone: config.timezone, now: () => new Date(), directory: directoryConnections(config) });
    });
  } finally {
    await db?.close();
    await release?.();
  }
}


// A reader that went away (`| head`) is not an error of ours.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof DataDirBusyError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`vliegwiel: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
