import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Who uses the embedded server: the bot, or the CLI / console chat when they started it for their own run. */
export type HolderKind = 'bot' | 'cli' | 'chat';

/**
 * The holder file names the process that started the server and will stop it, and, once the server is up, its
 * port: the CLI and console chat read it to use a running bot's server. It is needed because the server outlives
 * nothing but must be stopped by exactly one process, and two processes must never start it at once.
 */
export interface Holder {
  pid: number;
  /** The process's start time on Linux: a PID reused after a crash or reboot is not mistaken for the holder. */
  started?: string;
  kind: HolderKind;
  port?: number;
}

export const holderPath = (dataDir: string) => path.join(dataDir, 'postgres.holder.json');

export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number, started?: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A process that has ended but whose parent has not collected it yet (a zombie) is gone for our purposes.
  if (procState(pid) === 'Z') return false;
  const now = processStart(pid);
  return started === undefined || now === undefined || now === started;
}

function procState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

export async function readHolder(dataDir: string): Promise<Holder | undefined> {
  try {
    return JSON.parse(await readFile(holderPath(dataDir), 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

export type Claim = { claimed: true; update(port: number): Promise<void>; release(): Promise<void> } | { claimed: false; holder: Holder };

/** Becomes the holder, or says who is. The file of a process that is gone (kill -9, a crash) is taken over. */
export async function claimHolder(dataDir: string, kind: HolderKind): Promise<Claim> {
  const file = holderPath(dataDir);
  const me: Holder = { pid: process.pid, started: processStart(process.pid), kind };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
      return {
        claimed: true,
        update: (port) => writeFile(file, JSON.stringify({ ...me, port }), { mode: 0o600 }),
        async release() {
          // Only our own file: a holder that took over after us keeps theirs.
          if ((await readHolder(dataDir))?.pid === me.pid) await rm(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    // An empty file may be one being written this instant: look twice before calling it stale.
    const holder = (await readHolder(dataDir)) ?? (await new Promise((r) => setTimeout(r, 100)).then(() => readHolder(dataDir)));
    if (holder && isAlive(holder.pid, holder.started)) return { claimed: false, holder };
    // Gone, or a file cut short by a crash while it was written: take it over.
    await rm(file, { force: true });
  }
  const holder = await readHolder(dataDir);
  return holder ? { claimed: false, holder } : claimHolder(dataDir, kind);
}
