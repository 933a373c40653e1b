import { readFileSync } from 'node:fs';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Binaries } from './binaries.js';
import { run, type layout } from './cluster.js';
import { EmbeddedDatabaseError } from './errors.js';
import { isAlive } from './holder.js';
import type { ServerUser } from './server-user.js';

type Layout = ReturnType<typeof layout>;

/** What PostgreSQL itself writes in postmaster.pid: its PID, port and state ("ready" once it takes connections). */
export interface Postmaster {
  pid: number;
  port: number;
  status: string;
}

export async function readPostmaster(pgdata: string): Promise<Postmaster | undefined> {
  try {
    const lines = (await readFile(path.join(pgdata, 'postmaster.pid'), 'utf8')).split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    return { pid, port, status: (lines[7] ?? '').trim() };
  } catch {
    return undefined;
  }
}

/** On Linux we can tell a live postmaster from another program that got its PID after a crash or reboot. */
const isPostgres = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
  } catch {
    return process.platform !== 'linux' && isAlive(pid);
  }
};

/**
 * A server still running from a process that was killed (kill -9 leaves it running on its own): its port once it
 * is ready. undefined when there is none; a postmaster.pid whose process is gone is left for PostgreSQL, which
 * recovers from it (and replays its WAL, so nothing committed is lost).
 */
export async function runningServer(pgdata: string, timeoutMs = 60_000): Promise<Postmaster | undefined> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const pm = await readPostmaster(pgdata);
    if (!pm) return undefined;
    if (!isAlive(pm.pid)) {
      await staleUntilGone(pgdata, pm.pid);
      return undefined;
    }
    if (!isPostgres(pm.pid)) {
      // Another program has that PID: PostgreSQL would refuse to start while the stale file names a live process.
      await rm(path.join(pgdata, 'postmaster.pid'), { force: true });
      return undefined;
    }
    if (pm.status === 'ready') return pm;
    if (Date.now() > until) throw new EmbeddedDatabaseError(`The PostgreSQL server in ${pgdata} (process ${pm.pid}) did not become ready.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const exists = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * The postmaster was killed. Until its parent collects it (in a container often a PID 1 that takes its time) it
 * is a zombie, which PostgreSQL takes for a live server ("lock file already exists"). Wait a little for it to
 * vanish; a zombie that stays holds nothing, so its postmaster.pid goes (shared memory still in use by its old
 * backends is checked by PostgreSQL itself).
 */
async function staleUntilGone(pgdata: string, pid: number) {
  for (const until = Date.now() + 5000; exists(pid) && Date.now() < until;) await new Promise((r) => setTimeout(r, 50));
  if (exists(pid) && !isAlive(pid)) await rm(path.join(pgdata, 'postmaster.pid'), { force: true });
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function logTail(file: string, from: number) {
  try {
    const h = await open(file, 'r');
    try {
      const { size } = await h.stat();
      const start = Math.max(from, size - 4000);
      const buf = Buffer.alloc(size - start);
      await h.read(buf, 0, buf.length, start);
      return buf.toString('utf8').trim();
    } finally {
      await h.close();
    }
  } catch {
    return '';
  }
}

/**
 * Starts the server through pg_ctl, which detaches it in a session of its own (Ctrl-C on the bot's terminal does
 * not reach it; the bot stops it after its own work) and waits until it takes connections. It listens only on
 * 127.0.0.1, on a port free at this moment, and on no unix socket; a port taken in between is tried again.
 */
export async function startServer(bin: Binaries, user: ServerUser | undefined, where: Layout): Promise<Postmaster> {
  const size = (await stat(where.log).catch(() => undefined))?.size ?? 0;
  if (size > 10 * 1024 * 1024) await rename(where.log, `${where.log}.1`);
  let lastError = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const from = (await stat(where.log).catch(() => undefined))?.size ?? 0;
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`;
    const r = await run(bin.pgCtl, ['start', '-w', '-t', '120', '-D', where.pgdata, '-l', where.log, '-o', options], user);
    const pm = await readPostmaster(where.pgdata);
    if (r.code === 0 && pm?.status === 'ready') return pm;
    lastError = `${r.output.trim()}\n${await logTail(where.log, from)}`.trim();
    // A port taken in between, or backends of a killed server still finishing: both pass within moments.
    if (!/could not bind|Address already in use|could not create any TCP\/IP sockets|shared memory block is still in use/i.test(lastError)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new EmbeddedDatabaseError(`The embedded PostgreSQL server did not start (log: ${where.log}):\n${lastError}`);
}

/**
 * A clean stop: "smart" waits a few seconds for other clients (a CLI using the bot's server) to finish, then
 * "fast" ends their sessions (their open transactions roll back) and writes a checkpoint; "immediate" only if
 * that hangs, which PostgreSQL recovers from at the next start like after a power cut.
 */
export async function stopServer(bin: Binaries, user: ServerUser | undefined, pgdata: string): Promise<void> {
  for (const [mode, seconds] of [['smart', '5'], ['fast', '60'], ['immediate', '10']] as const) {
    const pm = await readPostmaster(pgdata);
    if (!pm || !isAlive(pm.pid)) return;
    const r = await run(bin.pgCtl, ['stop', '-D', pgdata, '-m', mode, '-w', '-t', seconds], user);
    if (r.code !== 0) continue;
    // pg_ctl returns when postmaster.pid is gone, a moment before the process itself has ended.
    for (const until = Date.now() + 5000; isAlive(pm.pid) && Date.now() < until;) await new Promise((res) => setTimeout(res, 20));
    return;
  }
  throw new EmbeddedDatabaseError(`The embedded PostgreSQL server in ${pgdata} did not stop.`);
}
