import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * PGlite's data directory may be opened by one process only. The process that holds it writes this lock;
 * a running bot also writes its port and a token, so the CLI and console chat can ask the bot instead.
 */
export interface LockInfo {
  pid: number;
  kind: 'bot' | 'cli';
  port?: number;
  token?: string;
}

export const lockPath = (dataDir: string) => path.join(dataDir, 'vliegwiel.lock');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export async function readLock(dataDir: string): Promise<LockInfo | null> {
  try {
    const info = JSON.parse(await readFile(lockPath(dataDir), 'utf8')) as LockInfo;
    return alive(info.pid) && info.pid !== process.pid ? info : null;
  } catch {
    return null;
  }
}

export class DataDirBusyError extends Error {}

/** Takes the lock or throws DataDirBusyError naming who holds it. A lock of a dead process is taken over. */
export async function acquireLock(dataDir: string, kind: LockInfo['kind']) {
  await mkdir(dataDir, { recursive: true });
  const file = lockPath(dataDir);
  const token = randomBytes(24).toString('base64url');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, JSON.stringify({ pid: process.pid, kind, token } satisfies LockInfo), { flag: 'wx', mode: 0o600 });
      return {
        token,
        async update(port: number) {
          await writeFile(file, JSON.stringify({ pid: process.pid, kind, token, port } satisfies LockInfo), { mode: 0o600 });
        },
        async release() {
          await rm(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = await readLock(dataDir);
      if (holder) {
        throw new DataDirBusyError(
          `The embedded database in ${dataDir} is in use by process ${holder.pid} (${holder.kind}).`,
        );
      }
      await rm(file, { force: true });
    }
  }
  throw new DataDirBusyError(`Could not take the lock ${file}.`);
}
