import { runCommand } from '../src/cli/commands.js';
import { cliDeps } from '../src/runtime/admin-deps.js';
import { FakeGraph } from '../test/support/fake-graph.js';
import { connections, seedTenant } from '../test/directory/support.js';
import { benchDatabase, figure } from './postgres.js';

/** A first directory sync of a 3,500-user tenant (team leaders, levels, groups) from a fake Graph on 127.0.0.1. */
export async function directorySync() {
  const { db, dispose } = await benchDatabase(4);
  const graph = await new FakeGraph().start();
  try {
    seedTenant(graph, 3500);
    const io = { out: () => undefined, err: (t: string) => process.stderr.write(`${t}\n`), readFile: () => Promise.reject(new Error('unused')), writeFile: async () => undefined };
    const started = performance.now();
    const code = await runCommand(['sync', 'directory'], io, async () => cliDeps(db, { timezone: 'Europe/Amsterdam', now: () => new Date(), directory: connections(graph) }));
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`sync directory exited ${code}`);
    figure('directory_sync_seconds', seconds, 's');
    figure('directory_sync_people', await db.prisma.person.count(), 'people');
  } finally {
    await graph.stop();
    await dispose();
  }
}
