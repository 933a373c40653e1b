import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCsv } from '../import/csv.js';
import { importKlussen } from '../klussen/import-klussen.js';
import { importPeople } from '../people/import-people.js';
import { formatReport } from '../import/import-report.js';
import { importWorkshops } from '../workshops/import-workshops.js';
import { slug } from '../organizations/organizations.js';
import type { KlusImportRepository } from '../klussen/klus-import-repository.js';
import type { PeopleAdminRepository } from '../people/people-admin-repository.js';
import { loadPromptLibrary } from '../reflection/prompt-library.js';
import type { PromptLibraryRepository } from '../reflection/prompt-library-repository.js';
import type { WorkshopFilesRepository } from '../workshops/workshop-files-repository.js';
import type { DemoRepository } from './demo-repository.js';

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

export interface SeedDemoPorts {
  people: PeopleAdminRepository;
  workshopFiles: WorkshopFilesRepository;
  klusImport: KlusImportRepository;
  promptLibrary: PromptLibraryRepository;
  demo: DemoRepository;
}

export async function seedDemo(ports: SeedDemoPorts, opts: { timezone: string; now: Date }): Promise<string[]> {
  const read = (name: string) => readFile(path.join(DEMO_DIR, name), 'utf8');
  const out: string[] = [];
  out.push(formatReport(await importPeople(ports.people, await read('people.csv'))));

  const managers = parseCsv(await read('managers.csv'), ['email', 'manager_email']);
  for (const { values } of managers) await ports.demo.setManager(values.email!.toLowerCase(), values.manager_email!.toLowerCase());
  // The depot team: eight outdoor workers without a chat account, reached through the demo team leader (issue 18),
  // so `mijn team` as manager@demo.vliegwiel.nl shows people to sign up on their behalf.
  const depot = await importPeople(ports.people, await read('depot-team.csv'), opts.now);
  out.push(formatReport({ ...depot, kind: 'depot team (no chat account)' }));

  const workshopsCsv = shiftIntoFuture(await read('workshops.csv'), opts.now);
  out.push(formatReport(await importWorkshops(ports.workshopFiles, workshopsCsv, { timezone: opts.timezone })));
  out.push(formatReport(await importKlussen(ports.klusImport, await read('klussen.csv'))));

  const people = parseCsv(await read('people.csv'), ['platform', 'platform_user_id', 'email', 'name', 'organization', 'department', 'education_level', 'role', 'locale', 'skills']);
  const orgKeys = [...new Set(people.map((p) => slug(p.values.organization ?? '')).filter(Boolean))];
  const region = await ports.demo.placeInRegion(REGION, orgKeys);

  const week = await ports.demo.planLearningWeek(region.id, orgKeys, 'miw-');
  if (week) out.push(`learning week: ${week}`);
  const lib = await loadPromptLibrary(ports.promptLibrary);
  out.push(`prompt library: ${lib.prompts} prompts, ${lib.programmes} programmes`);
  return out;
}
