import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Prisma } from '../../db/database.js';
import { parseCsv } from '../import/csv.js';
import { importKlussen } from '../klussen/import-klussen.js';
import { importPeople } from '../people/import-people.js';
import { formatReport } from '../import/import-report.js';
import { importWorkshops } from '../workshops/import-workshops.js';
import { slug } from '../organizations/organizations.js';
import { loadPromptLibrary } from '../reflection/prompt-library.js';

const DEMO_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'seed', 'demo');
const WEEK = 7 * 24 * 3600_000;
const REGION = { key: 'demo', name: 'Regio Lingewaard-Drecht' };

/**
 * Demo workshops keep their weekdays but move forward by whole years' worth of weeks (52) until the learning
 * week lies ahead, so a fresh demo always has upcoming workshops with free seats. Same day → same result.
 */
export function shiftIntoFuture(csv: string, now: Date): string {
  const stamps = [...csv.matchAll(/(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})/g)].map((m) => Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  if (stamps.length === 0) return csv;
  const first = Math.min(...stamps);
  let weeks = 0;
  while (first + weeks * WEEK < now.getTime() + WEEK) weeks += 52;
  if (weeks === 0) return csv;
  return csv.replace(/(\d{4})-(\d{2})-(\d{2})( \d{2}:\d{2})/g, (_all, y, m, d, time: string) => {
    const shifted = new Date(Date.UTC(+y, +m - 1, +d) + weeks * WEEK);
    return `${shifted.toISOString().slice(0, 10)}${time}`;
  });
}

export async function seedDemo(db: Prisma, opts: { timezone: string; now: Date }): Promise<string[]> {
  const read = (name: string) => readFile(path.join(DEMO_DIR, name), 'utf8');
  const out: string[] = [];
  out.push(formatReport(await importPeople(db, await read('people.csv'))));

  const managers = parseCsv(await read('managers.csv'), ['email', 'manager_email']);
  for (const { values } of managers) {
    const manager = await db.person.findUnique({ where: { email: values.manager_email!.toLowerCase() } });
    if (!manager) continue;
    await db.person.updateMany({
      where: { email: values.email!.toLowerCase(), OR: [{ managerId: null }, { managerId: { not: manager.id } }] },
      data: { managerId: manager.id },
    });
  }

  const workshopsCsv = shiftIntoFuture(await read('workshops.csv'), opts.now);
  out.push(formatReport(await importWorkshops(db, workshopsCsv, { timezone: opts.timezone })));
  out.push(formatReport(await importKlussen(db, await read('klussen.csv'))));

  const region = await db.region.upsert({ where: { key: REGION.key }, create: REGION, update: {} });
  const people = parseCsv(await read('people.csv'), ['platform', 'platform_user_id', 'email', 'name', 'organization', 'department', 'education_level', 'role', 'locale', 'skills']);
  const orgKeys = [...new Set(people.map((p) => slug(p.values.organization ?? '')).filter(Boolean))];
  await db.organization.updateMany({ where: { key: { in: orgKeys }, regionId: null }, data: { regionId: region.id } });

  const workshops = await db.workshop.findMany({ where: { key: { startsWith: 'miw-' } }, orderBy: { startsAt: 'asc' } });
  if (workshops.length) {
    const startsOn = new Date(workshops[0]!.startsAt.toISOString().slice(0, 10));
    const endsOn = new Date(workshops[workshops.length - 1]!.startsAt.toISOString().slice(0, 10));
    const key = `miw-${startsOn.getUTCFullYear()}`;
    const week = await db.learningWeek.upsert({
      where: { key },
      create: { key, name: `Meester in je Werk-week ${startsOn.getUTCFullYear()}`, startsOn, endsOn, regionId: region.id },
      update: { startsOn, endsOn },
    });
    const orgs = await db.organization.findMany({ where: { key: { in: orgKeys } }, select: { id: true } });
    await db.learningWeekOrganization.createMany({
      data: orgs.map((o) => ({ learningWeekId: week.id, organizationId: o.id })),
      skipDuplicates: true,
    });
    await db.workshop.updateMany({ where: { id: { in: workshops.map((w) => w.id) }, learningWeekId: null }, data: { learningWeekId: week.id } });
    out.push(`learning week: ${week.name}`);
  }
  const lib = await loadPromptLibrary(db);
  out.push(`prompt library: ${lib.prompts} prompts, ${lib.programmes} programmes`);
  return out;
}
