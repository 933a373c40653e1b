import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { PrismaFireClaims } from '../../src/db/index.js';
import { createLogger } from '../../src/logger.js';
import { directoryJobs } from '../../src/runtime/directory-jobs.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { testCore } from '../support/builders.js';
import { testPostgres } from '../support/db.js';
import { FakeGraph } from '../support/fake-graph.js';

/**
 * The directory sync's catch-up at start with a Graph that does not answer: its retries (about 30 s of back-off)
 * must hold up neither start nor stop. The real job, the real Graph client, the real scheduler.
 */
describe('a directory sync waiting on an unreachable Graph', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testPostgres();
  });
  afterAll(async () => db?.close());

  const run = async (graphUrl: string) => {
    const core = testCore(db);
    const jobs = directoryJobs(core, db, {
      connections: { graph: { appId: 'app', password: 'secret', tenantId: 't1', loginUrl: graphUrl, graphUrl } },
      schedule: '0 3 * * *',
    });
    const scheduler = new Scheduler(new PrismaFireClaims(db.prisma), createLogger('silent'), {
      timezone: 'Europe/Amsterdam',
      runnerId: `stop-test-${Math.random()}`,
      // There is always a 03:00 fire in the last eight days without a run here: start catches it up.
      now: () => new Date(),
    });
    for (const j of jobs) scheduler.register(j);
    const t0 = Date.now();
    await scheduler.start();
    const started = Date.now() - t0;
    return { scheduler, started };
  };

  it('starts without waiting for the catch-up, and stops promptly while it retries', async () => {
    await db.prisma.scheduleRun.deleteMany({ where: { job: 'directory.sync' } });
    // Nothing listens on port 1: every request is refused at once and the client backs off between tries.
    const { scheduler, started } = await run('http://127.0.0.1:1');
    expect(started).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 800)); // well into its back-off
    const t0 = Date.now();
    await scheduler.stop();
    expect(Date.now() - t0).toBeLessThan(1000);
    const fire = await db.prisma.scheduleRun.findFirstOrThrow({ where: { job: 'directory.sync' } });
    expect(fire.finishedAt).not.toBeNull();
    expect(fire.error).toMatch(/stopped/);
    expect(await db.prisma.person.count()).toBe(0);
  });

  it('stops promptly while Graph asks it to wait (429 Retry-After)', async () => {
    await db.prisma.scheduleRun.deleteMany({ where: { job: 'directory.sync' } });
    const graph = await new FakeGraph().start();
    try {
      graph.throttle('/', 60, 100);
      const { scheduler } = await run(graph.url);
      await new Promise((r) => setTimeout(r, 800));
      const t0 = Date.now();
      await scheduler.stop();
      expect(Date.now() - t0).toBeLessThan(1000);
      expect((await db.prisma.scheduleRun.findFirstOrThrow({ where: { job: 'directory.sync' } })).error).toMatch(/stopped/);
    } finally {
      await graph.stop();
    }
  });
});
