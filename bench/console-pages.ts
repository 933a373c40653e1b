import { randomUUID } from 'node:crypto';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startVliegwiel } from '../src/runtime/start.js';
import { benchDatabase, figure, percentile } from './postgres.js';

const ROUNDS = 15;

/** The HR console's pages with 1,000 workshops (with sign-ups) and 3,500 people: p95 of a page load, server side. */
export async function consolePages() {
  const { db, url, dispose } = await benchDatabase(8);
  try {
    const org = await db.prisma.organization.create({ data: { key: 'gemeente-bench', name: 'Gemeente Bench' } });
    const departments = ['Buitendienst', 'Financiën', 'Burgerzaken', 'ICT', 'DIV', 'Sociaal domein', 'Ruimte'];
    await db.prisma.person.createMany({
      data: Array.from({ length: 3500 }, (_, i) => ({
        name: `Medewerker ${i}`,
        email: `m${i}@bench.vliegwiel.nl`,
        organizationId: org.id,
        department: departments[i % departments.length]!,
        educationLevel: i % 3 === 0 ? 'mbo-3' : 'hbo',
      })),
    });
    const soon = Date.now() + 86_400_000;
    await db.prisma.workshop.createMany({
      data: Array.from({ length: 1000 }, (_, i) => {
        const startsAt = new Date(soon + i * 3_600_000);
        return { key: `bench-${i}`, title: `Workshop ${i}`, capacity: 20, icsToken: randomUUID(), startsAt, endsAt: new Date(startsAt.getTime() + 7_200_000) };
      }),
    });
    const people = await db.prisma.person.findMany({ select: { id: true }, take: 3500 });
    const workshops = await db.prisma.workshop.findMany({ select: { id: true }, orderBy: { startsAt: 'asc' } });
    await db.prisma.signup.createMany({
      data: people.slice(0, 3000).map((p, i) => ({ personId: p.id, workshopId: workshops[i % 300]!.id, status: 'CONFIRMED' as const })),
      skipDuplicates: true,
    });
    // A learning week of 50 of them, so the weeks page counts seats and waitlists over real numbers.
    const day = (ms: number) => new Date(`${new Date(ms).toISOString().slice(0, 10)}T00:00:00Z`);
    const week = await db.prisma.learningWeek.create({ data: { key: 'bench-week', name: 'Bench-week', startsOn: day(soon), endsOn: day(soon + 4 * 86_400_000) } });
    await db.prisma.workshop.updateMany({ where: { id: { in: workshops.slice(0, 50).map((w) => w.id) } }, data: { learningWeekId: week.id } });
    const hr = await db.prisma.person.create({ data: { name: 'HR Bench', email: 'hr@bench.vliegwiel.nl', roles: ['HR'] } });

    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: url, LOG_LEVEL: 'silent', DIRECTORY_SYNC_SCHEDULE: 'off' });
    const running = await startVliegwiel(config, createLogger('silent'));
    try {
      const person = (await running.core.ctx.people.findById(hr.id))!;
      const reply = await running.core.consoleAccess.requestLink({ person, locale: 'nl', platform: 'CONSOLE' });
      const link = /http\S+\/beheer\/login\/[\w-]+/.exec(JSON.stringify(reply))![0];
      const opened = await fetch(link, { redirect: 'manual' });
      const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
      const pages = ['/beheer', '/beheer/workshops', '/beheer/workshops?page=10', `/beheer/workshops/${workshops[5]!.id}`, '/beheer/weeks', '/beheer/people', '/beheer/klussen', '/beheer/report', '/beheer/audit'];
      const times: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        for (const path of pages) {
          const started = performance.now();
          const res = await fetch(`${running.url}${path}`, { headers: { cookie } });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
          if (round > 0) times.push(performance.now() - started); // the first round warms caches up
        }
      }
      figure('console_page_p95_ms', percentile(times, 95), 'ms');
      figure('console_page_max_ms', Math.max(...times), 'ms');
    } finally {
      await running.stop();
    }
  } finally {
    await dispose();
  }
}
