import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedServer } from '../../src/db/embedded/embedded-server.js';
import { holderPath } from '../../src/db/embedded/holder.js';
import { readPostmaster } from '../../src/db/embedded/postmaster.js';
import { tempDataDir } from '../support/embedded-postgres.js';
import { runEntry } from '../support/processes.js';

/** Every file under dir with its size and modification time: what "left untouched" means. */
async function snapshot(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const p = path.join(e.parentPath, e.name);
    const s = await stat(p);
    out.push(`${path.relative(dir, p)} ${e.isDirectory() ? 'dir' : s.size} ${s.mtimeMs}`);
  }
  return out.sort();
}

describe('DATA_DIR of the embedded PostgreSQL', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('refuses a PGlite DATA_DIR of an earlier version, in the bot, the CLI and the console chat, and changes nothing in it', async () => {
    const dataDir = await tempDataDir('vw-legacy-');
    dirs.push(dataDir);
    await mkdir(path.join(dataDir, 'pglite', 'base'), { recursive: true });
    await writeFile(path.join(dataDir, 'pglite', 'PG_VERSION'), '17\n');
    await writeFile(path.join(dataDir, 'pglite', 'base', '1'), 'data of people');
    await writeFile(path.join(dataDir, 'vliegwiel.lock'), '{"pid":1,"kind":"bot"}');
    const before = await snapshot(dataDir);

    const env = { DATA_DIR: dataDir, PORT: '0' };
    for (const [entry, args, input] of [['src/main.ts', []], ['src/cli/main.ts', ['seed', 'demo']], ['src/console/main.ts', ['--as', 'hr@demo.vliegwiel.nl'], 'help\n']] as const) {
      const r = await runEntry(entry, [...args], env, input).done;
      expect(r.code, entry).toBe(1);
      expect(r.stderr, entry).toContain(`${dataDir} holds a database of an earlier Vliegwiel version (PGlite`);
      expect(r.stderr, entry).toContain('has not touched that directory');
      expect(r.stdout.includes('ready'), entry).toBe(false);
    }
    expect(await snapshot(dataDir)).toEqual(before);
  }, 120_000);

  it('lets the CLI start the server for its own run and stop it after; a second user meanwhile gets a clear message', async () => {
    const dataDir = await tempDataDir('vw-cli-own-');
    dirs.push(dataDir);
    const env = { DATA_DIR: dataDir, PORT: '0' };
    const seeded = await runEntry('src/cli/main.ts', ['seed', 'demo'], env).done;
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    // Stopped after the command: no server, no holder.
    expect(await readPostmaster(path.join(dataDir, 'postgres', 'data'))).toBeUndefined();
    expect(existsSync(holderPath(dataDir))).toBe(false);

    // While a CLI run holds the server (here: this test, as the CLI), another CLI or chat waits its turn.
    const held = await openEmbeddedServer(dataDir, 'cli');
    try {
      const other = await runEntry('src/cli/main.ts', ['audit'], env).done;
      expect(other.code).toBe(1);
      expect(other.stderr.trim()).toBe(`The embedded database in ${dataDir} is in use by process ${process.pid}, the CLI (npm run cli). Try again when it has finished.`);
      const chat = await runEntry('src/console/main.ts', ['--as', 'hr@demo.vliegwiel.nl'], env, 'help\n').done;
      expect(chat.code).toBe(1);
      expect(chat.stderr).toContain(`in use by process ${process.pid}, the CLI (npm run cli)`);
    } finally {
      await held.stop();
    }

    // And on its own again, the console chat finds what the CLI stored.
    const chat = await runEntry('src/console/main.ts', ['--as', 'medewerker@demo.vliegwiel.nl'], env, 'workshops\n').done;
    expect(chat.code).toBe(0);
    expect(chat.stdout).toContain('[1] Aanmelden');
    expect(await readPostmaster(path.join(dataDir, 'postgres', 'data'))).toBeUndefined();
  }, 120_000);
});
