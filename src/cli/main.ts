import { readFile, writeFile } from 'node:fs/promises';
import { ConfigError, loadConfig } from '../config.js';
import { EmbeddedDatabaseError, openDatabase, runningBotUrl } from '../db/index.js';
import { cliDeps } from '../runtime/admin-deps.js';
import { directoryConnections } from '../runtime/directory-deps.js';
import { runCommand, type CliIo } from './commands.js';

const io: CliIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  readFile: (p) => readFile(p),
  writeFile: (p, data) => writeFile(p, data),
};

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || ['--help', '-h', 'help'].includes(argv[0]!)) return runCommand(argv, io, () => Promise.reject(new Error('unused')));
  const config = loadConfig();
  if (argv[0] === 'database' && argv[1] === 'url') return databaseUrl(config.databaseUrl, config.dataDir);
  let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    return await runCommand(argv, io, async () => {
      // Without DATABASE_URL: the running bot's PostgreSQL server, or one started for this command only.
      db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir, as: 'cli' }, { poolSize: 2 });
      const opened = db;
      closeOnSignal = () => opened.close();
      if (argv[0] !== 'migrate') await db.migrate();
      return cliDeps(db, { timezone: config.timezone, now: () => new Date(), directory: directoryConnections(config) });
    });
  } finally {
    await db?.close();
  }
}
/**
 * Printed, not opened: the embedded server exists while the bot runs, so pg_dump or psql can use it then. A server
 * started by this command would stop when it ends, leaving a URL to nowhere.
 */
async function databaseUrl(url: string | undefined, dataDir: string): Promise<number> {
  const found = url ?? (await runningBotUrl(dataDir));
  if (found) {
    io.out(found);
    return 0;
  }
  io.err(`The bot is not running on ${dataDir}, so its database server is not either. Start the bot (npm start) and ` +
    'run this again; or, with the bot stopped, copy the whole DATA_DIR (README, "Backups").');
  return 1;
}

// Ctrl-C, a stop signal or a reader that went away (`| head`): close the database first, so that an embedded
// server started for this command is stopped too.
let closeOnSignal: (() => Promise<void>) | undefined;
const exitAfterClose = (code: number) => void (closeOnSignal?.() ?? Promise.resolve()).catch(() => undefined).finally(() => process.exit(code));
process.on('SIGINT', () => exitAfterClose(130));
process.on('SIGTERM', () => exitAfterClose(143));
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') return exitAfterClose(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof EmbeddedDatabaseError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`vliegwiel: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
