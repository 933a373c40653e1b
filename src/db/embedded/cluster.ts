import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Binaries } from './binaries.js';
import { EmbeddedDatabaseError, LegacyDataDirError } from './errors.js';
import { canReach, type ServerUser } from './server-user.js';

/** Where everything of the embedded server lives inside DATA_DIR. */
export const layout = (dataDir: string) => ({
  /** Owned by the server's user: the cluster and its log. */
  home: path.join(dataDir, 'postgres'),
  pgdata: path.join(dataDir, 'postgres', 'data'),
  log: path.join(dataDir, 'postgres', 'server.log'),
  /** The password of the cluster's one user (readable by us only). */
  credentials: path.join(dataDir, 'postgres.credentials.json'),
  legacyPglite: path.join(dataDir, 'pglite'),
});

export interface Credentials {
  user: string;
  password: string;
  database: string;
}

/** A DATA_DIR of a version before the embedded PostgreSQL: refused before anything in it is created or changed. */
export function refuseLegacyDataDir(dataDir: string): void {
  const { legacyPglite, pgdata } = layout(dataDir);
  if (!existsSync(legacyPglite) || existsSync(pgdata)) return;
  throw new LegacyDataDirError(
    `${dataDir} holds a database of an earlier Vliegwiel version (PGlite, in ${legacyPglite}). This version uses a ` +
      'PostgreSQL server of its own and has not touched that directory. Either start with an empty DATA_DIR ' +
      '(e.g. DATA_DIR=./data-postgres npm start) and import your CSV files again with "npm run cli -- import …", ' +
      `or keep using the earlier version for this directory. Move ${legacyPglite} away once you no longer need it.`,
  );
}

export async function readCredentials(dataDir: string): Promise<Credentials> {
  return JSON.parse(await readFile(layout(dataDir).credentials, 'utf8')) as Credentials;
}

async function ensureCredentials(dataDir: string): Promise<Credentials> {
  const file = layout(dataDir).credentials;
  if (existsSync(file)) return readCredentials(dataDir);
  const creds: Credentials = { user: 'vliegwiel', password: randomBytes(24).toString('base64url'), database: 'vliegwiel' };
  await writeFile(file, JSON.stringify(creds, null, 2), { mode: 0o600 });
  return creds;
}

export function run(cmd: string, args: string[], user: ServerUser | undefined): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { uid: user?.uid, gid: user?.gid, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * Creates the cluster on the first start. initdb works in a folder beside the real one, renamed into place when
 * it is complete: a start killed halfway leaves no half-made cluster that the next start would trip over.
 */
export async function ensureCluster(dataDir: string, bin: Binaries, user: ServerUser | undefined): Promise<{ created: boolean; credentials: Credentials }> {
  const { home, pgdata } = layout(dataDir);
  await mkdir(home, { recursive: true, mode: 0o700 });
  if (user) {
    await chown(home, user.uid, user.gid);
    if (!canReach(user, home, 'dir')) {
      throw new EmbeddedDatabaseError(
        `Vliegwiel runs as root, so its PostgreSQL runs as the user "${user.name}", who cannot enter ${home} ` +
          '(a folder above it is closed to other users). Set DATA_DIR to a folder that user can reach, ' +
          'e.g. DATA_DIR=/var/lib/vliegwiel, or start Vliegwiel as an ordinary user.',
      );
    }
  }
  const credentials = await ensureCredentials(dataDir);
  if (existsSync(path.join(pgdata, 'PG_VERSION'))) return { created: false, credentials };

  const fresh = `${pgdata}.new`;
  const pwfile = path.join(home, 'initdb.pw');
  await rm(fresh, { recursive: true, force: true });
  await writeFile(pwfile, `${credentials.password}\n`, { mode: 0o600 });
  if (user) await chown(pwfile, user.uid, user.gid);
  try {
    const r = await run(bin.initdb, [
      `--pgdata=${fresh}`,
      `--username=${credentials.user}`,
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      // Unicode-aware upper/lower and ILIKE, code-point order: the same on Linux, macOS and Windows.
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--locale=C',
    ], user);
    if (r.code !== 0) throw new EmbeddedDatabaseError(`Creating the embedded PostgreSQL cluster in ${fresh} failed:\n${r.output.trim()}`);
  } finally {
    await rm(pwfile, { force: true });
  }
  await rename(fresh, pgdata);
  return { created: true, credentials };
}
