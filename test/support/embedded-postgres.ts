import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedServer } from '../../src/db/embedded/embedded-server.js';

/**
 * A DATA_DIR for a test. mkdtemp makes it 0700; as root the server runs as the user postgres, who must be able
 * to enter it, as with any DATA_DIR the bot gets.
 */
export async function tempDataDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await chmod(dir, 0o755);
  return dir;
}

/** A throwaway embedded PostgreSQL, started by the same code as the bot's (src/db/embedded). */
export async function startEmbeddedPostgres() {
  const dataDir = await tempDataDir('vw-test-pg-');
  const server = await openEmbeddedServer(dataDir, 'bot');
  return {
    url: server.url,
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
