import { openRepositories } from '../src/db/index.js';
import { randomUUID } from 'node:crypto';
import { createCore } from '../src/app.js';
import { createLogger } from '../src/logger.js';
import { benchDatabase, figure, percentile } from './postgres.js';

/** 500 people click "Aanmelden" at once for a workshop of 20 seats, through the same use case as every channel. */
export async function signupRace() {
  const { db, dispose } = await benchDatabase(10);
  try {
    const core = createCore(openRepositories(db),
      { timezone: 'Europe/Amsterdam', defaultLocale: 'nl', adminUsers: [], publicUrl: 'http://127.0.0.1' },
      createLogger('silent'),
    );
    const w = await db.prisma.workshop.create({
      data: {
        key: 'bench',
        title: 'Benchmark',
        capacity: 20,
        startsAt: new Date(Date.now() + 30 * 86_400_000),
        endsAt: new Date(Date.now() + 30 * 86_400_000 + 7_200_000),
        icsToken: randomUUID(),
      },
    });
    await db.prisma.person.createMany({ data: Array.from({ length: 500 }, (_, i) => ({ name: `p${i}`, locale: 'nl' })) });
    const people = await Promise.all((await db.prisma.person.findMany()).map((p) => core.ctx.people.findById(p.id)));
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      people.map(async (person) => {
        const t = performance.now();
        await core.workshops.signUp({ person: person!, locale: 'nl', platform: 'CONSOLE' }, { w: w.id, q: '', o: 0 });
        latencies.push(performance.now() - t);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const confirmed = await db.prisma.signup.count({ where: { workshopId: w.id, status: 'CONFIRMED' } });
    figure('signup_race_per_s', 500 / seconds, 'signups/s');
    figure('signup_race_p50_ms', percentile(latencies, 50), 'ms');
    figure('signup_race_p99_ms', percentile(latencies, 99), 'ms');
    figure('signup_race_confirmed', confirmed, 'seats');
  } finally {
    await dispose();
  }
}
