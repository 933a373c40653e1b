import { openRepositories } from '../../src/db/index.js';
import { randomBytes } from 'node:crypto';
import { createCore } from '../../src/app.js';
import type { Message, Reply } from '../../src/core/messages.js';
import { DEFAULT_NUDGE_SETTINGS, type NudgeSettings } from '../../src/core/nudges/settings.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { aPerson, anActor, FixedClock, settings } from '../support/builders.js';

/** Monday 1 March 2027, 09:00 local (CET). */
export const MONDAY_9 = new Date('2027-03-01T08:00:00Z');
export const DAY = 86_400_000;
export const WEEK = 7 * DAY;

export function nudgeCore(db: Database, opts: { clock?: FixedClock; nudges?: Partial<NudgeSettings> } = {}) {
  const clock = opts.clock ?? new FixedClock(MONDAY_9);
  const core = createCore(openRepositories(db), { ...settings, nudges: { ...DEFAULT_NUDGE_SETTINGS, ...opts.nudges } }, createLogger('silent'), clock);
  return { clock, ...core, actor: (id: string) => anActor(db, core, id) };
}

export type NudgeCore = ReturnType<typeof nudgeCore>;

const uniq = () => randomBytes(3).toString('hex');

/** A person with a chat identity and the attributes campaigns select on. */
export async function aMember(
  db: Database,
  over: Partial<{
    name: string;
    department: string;
    educationLevel: string;
    organizationId: string;
    managerId: string;
    locale: string;
    paused: boolean;
    optOuts: string[];
    timezone: string;
    roles: ('EMPLOYEE' | 'MANAGER' | 'HR')[];
  }> = {},
) {
  const { educationLevel, paused, optOuts, timezone, ...rest } = over;
  const p = await aPerson(db, { name: `Collega ${uniq()}`, ...rest });
  if (educationLevel !== undefined || paused !== undefined || optOuts !== undefined || timezone !== undefined) {
    await db.prisma.person.update({ where: { id: p.id }, data: { educationLevel, paused, optOuts, timezone } });
  }
  return p;
}

export const variant = (key: string, nl: string, button = 'Bekijk {count} workshops voor jou') => ({
  key,
  action: 'workshops' as const,
  nl: { text: nl, button },
  en: { text: `EN ${nl}`, button: 'See {count} workshops for you' },
});

/** A campaign row as the import stores it; `updatedAt` long before the test's moments, so earlier fires count. */
export async function aCampaign(
  db: Database,
  over: Partial<{
    key: string;
    schedule: string;
    status: 'DRAFT' | 'ACTIVE' | 'PAUSED' | 'ENDED';
    target: Record<string, unknown>;
    variants: unknown[];
    startsAt: Date;
    endsAt: Date;
    updatedAt: Date;
  }> = {},
) {
  const key = over.key ?? `campagne-${uniq()}`;
  return db.prisma.nudgeCampaign.create({
    data: {
      key,
      name: `Campagne ${key}`,
      schedule: over.schedule ?? '0 9 * * 1',
      status: over.status ?? 'ACTIVE',
      target: { organizations: [], departments: [], educationLevels: [], roles: [], inactiveWeeks: 0, ...over.target },
      variants: (over.variants ?? [variant('A', 'Hoi {name}! Er zijn workshops voor jou.')]) as object[],
      startsAt: over.startsAt ?? null,
      endsAt: over.endsAt ?? null,
      updatedAt: over.updatedAt ?? new Date('2027-01-01T00:00:00Z'),
    },
  });
}

export async function activity(db: Database, personId: string, at: Date, kind = 'workshop.signup') {
  await db.prisma.engagementEvent.create({ data: { personId, kind, occurredAt: at } });
}

export const nudgeRows = (db: Database, where: Record<string, unknown> = {}) =>
  db.prisma.outboxMessage.findMany({ where: { kind: 'nudge.campaign', ...where }, orderBy: { id: 'asc' } });

/** Everything a reply says, blocks and buttons included. */
export const said = (r: Reply | Message | null) => JSON.stringify(r);
