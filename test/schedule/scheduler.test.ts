import { PrismaFireClaims } from '../../src/db/schedule/fire-claims.js';
import cron from 'node-cron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/ports.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { Scheduler, type Job } from '../../src/schedule/scheduler.js';
import { testPostgres } from '../support/db.js';

const TZ = 'Europe/Amsterdam';

describe('scheduler on PostgreSQL', () => {
  let db: Database;
  beforeAll(async () => {
    db = await testPostgres(6);
  });
  afterAll(async () => db?.close());

  const counting = (name: string, cron = '0 7 * * 1-5') => {
    const runs: Date[] = [];
    const job: Job = { name, cron, run: async (fireAt) => void runs.push(fireAt) };
    return { job, runs };
  };
  const replica = (runnerId: string, now?: () => Date) => new Scheduler(new PrismaFireClaims(db.prisma), createLogger('silent'), { timezone: TZ, runnerId, now });

  it('runs one fire exactly once when two replicas fire it together', async () => {
    const { job, runs } = counting('two-replicas');
    const a = replica('a');
    const b = replica('b');
    const at = new Date('2027-03-15T06:00:00Z');
    const results = await Promise.all([a.fire(job, at), b.fire(job, at), a.fire(job, new Date(at.getTime() + 1500)), b.fire(job, at)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(runs).toHaveLength(1);
    const rows = await db.prisma.scheduleRun.findMany({ where: { job: 'two-replicas' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.finishedAt).not.toBeNull();
  });

  it('finds the previous fire in local time across a DST change', () => {
    const { job } = counting('prev', '0 7 * * 1-5');
    const s = replica('a');
    // Monday 29 March 2027, the day after clocks went forward: 07:00 CEST is 05:00 UTC.
    expect(s.previousFire(job, new Date('2027-03-29T09:00:00Z'))?.toISOString()).toBe('2027-03-29T05:00:00.000Z');
    // The Friday before, still CET: 06:00 UTC.
    expect(s.previousFire(job, new Date('2027-03-28T12:00:00Z'))?.toISOString()).toBe('2027-03-26T06:00:00.000Z');
  });

  it('runs a doubled wall-clock minute (clocks going back) once', async () => {
    const { job, runs } = counting('fall-back', '30 2 * * *');
    const s = replica('a');
    // 31 October 2027: 02:30 local happens at 00:30 UTC (CEST) and again at 01:30 UTC (CET).
    expect(await s.fire(job, new Date('2027-10-31T00:30:00Z'))).toBe(true);
    expect(await s.fire(job, new Date('2027-10-31T01:30:00Z'))).toBe(false);
    expect(runs).toHaveLength(1);
  });

  it('on start, runs the latest fire missed while down, once, and not again on the next start', async () => {
    const { job, runs } = counting('catch-up', '0 7 * * 1-5');
    const now = () => new Date('2027-03-17T10:00:00Z'); // Wednesday 11:00 local; 07:00 was missed
    const first = replica('a', now);
    first.register(job);
    await first.start();
    await first.stop();
    expect(runs.map((d) => d.toISOString())).toEqual(['2027-03-17T06:00:00.000Z']);
    const second = replica('b', now);
    second.register(job);
    await second.start();
    await second.stop();
    expect(runs).toHaveLength(1);
  });

  it('records a failing job and keeps going', async () => {
    const s = replica('a');
    const job: Job = { name: 'fails', cron: '* * * * *', run: async () => { throw new Error('boom'); } };
    expect(await s.fire(job, new Date('2027-03-15T06:00:00Z'))).toBe(true);
    const row = await db.prisma.scheduleRun.findFirstOrThrow({ where: { job: 'fails' } });
    expect(row.error).toContain('boom');
  });

  it('logs and skips a timed fire when the database does not answer, instead of ending the process', async () => {
    const gone = await testPostgres(2);
    await gone.close();
    const warnings: string[] = [];
    const logger: Logger = { debug() {}, info() {}, error() {}, warn: (msg) => void warnings.push(msg), child: () => logger };
    const s = new Scheduler(new PrismaFireClaims(gone.prisma), logger, { timezone: TZ, runnerId: 'offline' });
    const { job, runs } = counting('offline-fire');
    s.register({ ...job, catchUp: false });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await s.start();
      const task = [...cron.getTasks().values()].find((t) => t.name === 'offline-fire')!;
      await task.execute();
      await s.stop();
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
    expect(warnings).toEqual(['scheduler: fire skipped, the database did not answer']);
    expect(runs).toEqual([]);
  });

  it('rejects an invalid cron expression at registration', () => {
    expect(() => replica('a').register({ name: 'bad', cron: '61 * * * *', run: async () => undefined })).toThrow(/invalid cron/);
  });
});
