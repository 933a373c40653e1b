import type { FireClaims } from '../../schedule/fire-claims.js';
import type { Prisma } from '../database.js';

/** Fires as rows of ScheduleRun: the unique (job, fireAt) key makes a claim exclusive across replicas. */
export class PrismaFireClaims implements FireClaims {
  constructor(private readonly db: Prisma) {}

  async hasFireSince(job: string, at: Date) {
    return (await this.db.scheduleRun.findFirst({ where: { job, fireAt: { gte: at } }, select: { job: true } })) !== null;
  }

  async firesBetween(job: string, from: Date, to: Date) {
    const rows = await this.db.scheduleRun.findMany({ where: { job, fireAt: { gte: from, lt: to } }, select: { fireAt: true } });
    return rows.map((r) => r.fireAt);
  }

  async claim(job: string, fireAt: Date, runner: string) {
    const claimed = await this.db.scheduleRun.createMany({ data: [{ job, fireAt, runner }], skipDuplicates: true });
    return claimed.count === 1;
  }

  async finish(job: string, fireAt: Date, error?: string) {
    await this.db.scheduleRun.update({
      where: { job_fireAt: { job, fireAt } },
      data: { finishedAt: new Date(), ...(error === undefined ? {} : { error: error.slice(0, 2000) }) },
    });
  }
}
