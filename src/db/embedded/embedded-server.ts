import { mkdir } from 'node:fs/promises';
import pg from 'pg';
import { findBinaries, reachableBinaries } from './binaries.js';
import { ensureCluster, layout, readCredentials, refuseLegacyDataDir, type Credentials } from './cluster.js';
import { EmbeddedBusyError } from './errors.js';
import { claimHolder, isAlive, readHolder, type Holder, type HolderKind } from './holder.js';
import { runningServer, startServer, stopServer } from './postmaster.js';
import { serverUser } from './server-user.js';

export interface EmbeddedServer {
  /** postgresql://… on 127.0.0.1, for the same pg pool as DATABASE_URL. */
  url: string;
  /** This process started (or took over) the server and stops it in stop(); false when it uses a bot's server. */
  owner: boolean;
  /** The cluster was created by this start. */
  created: boolean;
  stop(): Promise<void>;
}

export type EmbeddedLog = (msg: string, fields?: Record<string, unknown>) => void;

const WHO: Record<HolderKind, string> = { bot: 'the bot (npm start)', cli: 'the CLI (npm run cli)', chat: 'the console chat (npm run chat)' };

const urlOf = (c: Credentials, port: number) =>
  `postgresql://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@127.0.0.1:${port}/${encodeURIComponent(c.database)}`;

/** The URL of the server a running bot holds, for pg_dump and psql; undefined when no bot runs on DATA_DIR. */
export async function runningBotUrl(dataDir: string): Promise<string | undefined> {
  const h = await readHolder(dataDir);
  if (h?.kind !== 'bot' || !h.port || !isAlive(h.pid, h.started)) return undefined;
  return urlOf(await readCredentials(dataDir), h.port);
}

/** A bot that is starting writes its port once its server is up: wait for that rather than fail. */
async function portOfStartingBot(dataDir: string, holder: Holder, timeoutMs: number): Promise<number | undefined> {
  const until = Date.now() + timeoutMs;
  for (let h: Holder | undefined = holder; h && h.pid === holder.pid && isAlive(h.pid, h.started); h = await readHolder(dataDir)) {
    if (h.port) return h.port;
    if (Date.now() > until) return undefined;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

async function ensureDatabase(c: Credentials, port: number) {
  const client = new pg.Client({ connectionString: urlOf({ ...c, database: 'postgres' }, port) });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [c.database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(c.database)}`);
  } finally {
    await client.end();
  }
}

/**
 * The PostgreSQL server of DATA_DIR: the bot starts it (creating the cluster the first time) and stops it when it
 * stops. The CLI and the console chat use a running bot's server; without a bot they start it for their own
 * run. One process at a time starts and stops it (holder.ts); a server left running by a killed process is taken
 * over by the next one.
 */
export async function openEmbeddedServer(dataDir: string, kind: HolderKind, log: EmbeddedLog = () => undefined): Promise<EmbeddedServer> {
  refuseLegacyDataDir(dataDir);
  await mkdir(dataDir, { recursive: true });
  const claim = await claimHolder(dataDir, kind);
  if (!claim.claimed) {
    const { holder } = claim;
    const port = holder.kind === 'bot' && kind !== 'bot' ? await portOfStartingBot(dataDir, holder, 120_000) : undefined;
    if (port) return { url: urlOf(await readCredentials(dataDir), port), owner: false, created: false, stop: async () => undefined };
    throw new EmbeddedBusyError(
      `The embedded database in ${dataDir} is in use by process ${holder.pid}, ${WHO[holder.kind]}. ` +
        (holder.kind === 'bot' ? 'Stop it first, or set DATA_DIR to another directory.' : 'Try again when it has finished.'),
    );
  }
  let stopOnError: (() => Promise<void>) | undefined;
  try {
    const started = Date.now();
    const user = serverUser();
    const bin = await reachableBinaries(await findBinaries(), user);
    const where = layout(dataDir);
    const { created, credentials } = await ensureCluster(dataDir, bin, user);
    const leftOver = created ? undefined : await runningServer(where.pgdata);
    const pm = leftOver ?? (await startServer(bin, user, where));
    stopOnError = () => stopServer(bin, user, where.pgdata);
    await ensureDatabase(credentials, pm.port);
    await claim.update(pm.port);
    log(leftOver ? 'embedded postgres taken over' : 'embedded postgres started', {
      dataDir: where.pgdata, port: pm.port, pid: pm.pid, created, ms: Date.now() - started,
    });
    let stopping: Promise<void> | undefined;
    return {
      url: urlOf(credentials, pm.port),
      owner: true,
      created,
      stop: () =>
        (stopping ??= (async () => {
          try {
            await stopServer(bin, user, where.pgdata);
          } finally {
            await claim.release();
          }
        })()),
    };
  } catch (err) {
    await stopOnError?.().catch(() => undefined);
    await claim.release();
    throw err;
  }
}
