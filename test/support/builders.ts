import { openRepositories } from '../../src/db/index.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { createCore } from '../../src/app.js';
import type { Actor, Role } from '../../src/core/people/person.js';
import type { Clock } from '../../src/core/ports.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';

export const settings = {
  timezone: 'Europe/Amsterdam',
  defaultLocale: 'nl' as const,
  adminUsers: [] as string[],
  publicUrl: 'http://127.0.0.1:3978',
};

export class FixedClock implements Clock {
  constructor(public current: Date) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export function testCore(db: Database, clock: Clock = new FixedClock(new Date('2027-03-01T09:00:00Z'))) {
  return createCore(openRepositories(db), settings, createLogger('silent'), clock);
}

const uniq = () => randomBytes(4).toString('hex');

export async function anOrganization(db: Database, name = `Gemeente ${uniq()}`) {
  return db.prisma.organization.create({ data: { key: name.toLowerCase().replace(/\W+/g, '-'), name } });
}

export async function aPerson(
  db: Database,
  over: Partial<{ name: string; email: string; organizationId: string; roles: Role[]; locale: string; department: string; managerId: string; skills: string[] }> = {},
) {
  const { skills, ...rest } = over;
  const p = await db.prisma.person.create({
    data: { name: `Persoon ${uniq()}`, locale: 'nl', ...rest, skills: skills ? { create: skills.map((skill) => ({ skill })) } : undefined },
  });
  await db.prisma.channelIdentity.create({
    data: { platform: 'CONSOLE', tenantId: 'test', userId: p.id, personId: p.id, lastSeenAt: new Date() },
  });
  return p;
}

export async function anActor(db: Database, core: ReturnType<typeof testCore>, personId: string): Promise<Actor> {
  const person = (await core.ctx.people.findById(personId))!;
  return { person, locale: person.locale ?? 'nl', platform: 'CONSOLE' };
}

export async function aWorkshop(
  db: Database,
  over: Partial<{ title: string; capacity: number; startsAt: Date; endsAt: Date; signupDeadline: Date; openTo: string[]; onlineUrl: string; tags: string[] }> = {},
) {
  const startsAt = over.startsAt ?? new Date('2027-03-16T09:00:00Z');
  const { openTo, ...rest } = over;
  return db.prisma.workshop.create({
    data: {
      key: `ws-${uniq()}`,
      title: `Workshop ${uniq()}`,
      capacity: 10,
      icsToken: randomUUID(),
      ...rest,
      startsAt,
      endsAt: over.endsAt ?? new Date(startsAt.getTime() + 2 * 3600_000),
      openTo: openTo ? { create: openTo.map((organizationId) => ({ organizationId })) } : undefined,
    },
  });
}
