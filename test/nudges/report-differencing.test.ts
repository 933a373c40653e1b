import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type CliIo } from '../../src/cli/commands.js';
import type { Database } from '../../src/db/database.js';
import { cliDeps } from '../../src/runtime/admin-deps.js';
import { anOrganization } from '../support/builders.js';
import { testDatabase } from '../support/db.js';
import { readAsDutchExcel } from '../support/dutch-excel.js';
import { activity, aMember, DAY } from './support.js';
import { rank } from './support-attacker.js';

/** Wednesday 10 March 2027, 10:00 local. */
const NOW = new Date('2027-03-10T09:00:00Z');
const DIMS = ['department', 'organization', 'education'] as const;
type Dim = (typeof DIMS)[number];

interface Member { id: string; groups: Record<Dim, string> }

async function csv(db: Database, by: Dim, now: Date, weeks = 3) {
  const out: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: () => undefined, readFile: async () => Buffer.from(''), writeFile: async () => undefined };
  const code = await runCommand(['report', '--format', 'csv', '--by', by, '--weeks', String(weeks)], io, async () =>
    cliDeps(db, { timezone: 'Europe/Amsterdam', now: () => now }));
  expect(code).toBe(0);
  const [, ...rows] = readAsDutchExcel(`${out.join('\n')}\r\n`);
  return rows.filter((r) => r[0] === 'engagement').map((r) => ({ group: r[2]!, week: r[3]!, people: r[4]!, active: r[5]!, suppressed: r[14] === 'yes' }));
}

/**
 * The attacker: every shown figure of every dimension is an equation over the unknown activity of each person.
 * A set of people is worked out when its indicator lies in the span of those equations (a total, a sum across
 * dimensions, any difference). Returns the sets of 1 to 4 people that can be worked out.
 */
function workedOut(members: Member[], shown: { dim: Dim; group: string }[], candidates: Member[][]): Member[][] {
  const row = (set: Member[]) => members.map((m) => (set.includes(m) ? 1 : 0));
  const eqs = shown.map((s) => row(members.filter((m) => m.groups[s.dim] === s.group)));
  const base = rank(eqs);
  return candidates.filter((set) => set.length > 0 && set.length < 5 && rank([...eqs, row(set)]) === base);
}

describe('HR report against differencing attacks (postgres)', () => {
  let db: Database;
  const members: Member[] = [];

  beforeAll(async () => {
    db = await testDatabase('postgres');
    const orgs = { Dijkstad: await anOrganization(db, 'Dijkstad'), Lingeveld: await anOrganization(db, 'Lingeveld') };
    // The case: organisations sum to the total; hbo and mbo are shown; vmbo (2) and wo (1) are small.
    const plan: [keyof typeof orgs, string, string, boolean][] = [
      ...Array.from({ length: 6 }, (_, i) => ['Dijkstad', 'buitendienst', 'hbo', i < 2] as const),
      ...Array.from({ length: 6 }, (_, i) => ['Lingeveld', 'buitendienst', 'mbo', i < 2] as const),
      ['Dijkstad', 'post', 'mbo', false], ['Dijkstad', 'post', 'vmbo', false], ['Lingeveld', 'post', 'vmbo', false],
      ['Lingeveld', 'post', 'wo', false], ['Lingeveld', 'balie', 'hbo', true], ['Lingeveld', 'balie', 'hbo', false],
      ['Lingeveld', 'balie', 'mbo', true], ['Dijkstad', 'balie', 'hbo', false], ['Dijkstad', 'balie', 'mbo', true],
    ].map((x) => [...x] as [keyof typeof orgs, string, string, boolean]);
    for (const [org, department, educationLevel, active] of plan) {
      const p = await aMember(db, { organizationId: orgs[org].id, department, educationLevel });
      if (active) await activity(db, p.id, new Date(NOW.getTime() - DAY));
      if (active) await activity(db, p.id, new Date(NOW.getTime() - 8 * DAY));
      members.push({ id: p.id, groups: { department, organization: org, education: educationLevel } });
    }
  });
  afterAll(async () => db?.close());

  it('hides enough groups that no group or set of fewer than five follows from totals or other dimensions', async () => {
    const reports = Object.fromEntries(await Promise.all(DIMS.map(async (d) => [d, await csv(db, d, NOW)] as const))) as Record<Dim, Awaited<ReturnType<typeof csv>>>;
    // vmbo and wo are too small; a second, larger education group is hidden with them.
    const edu = reports.education.filter((r) => r.week === '2027-03-08');
    expect(edu.filter((r) => r.suppressed).map((r) => r.group)).toEqual(expect.arrayContaining(['vmbo', 'wo']));
    expect(edu.filter((r) => r.suppressed).length).toBeGreaterThanOrEqual(3);

    // The attack of the issue: organisations' active total minus the shown education groups.
    const shownActive = (d: Dim, week: string) => reports[d].filter((r) => r.week === week && !r.suppressed).reduce((n, r) => n + Number(r.active), 0);
    const orgTotal = shownActive('organization', '2027-03-08');
    const hiddenEduPeople = members.filter((m) => edu.some((r) => r.suppressed && r.group === m.groups.education)).length;
    expect(hiddenEduPeople).toBeGreaterThanOrEqual(5);
    expect(orgTotal - shownActive('education', '2027-03-08')).toBeGreaterThanOrEqual(0);

    // The general attacker, per week: no small group of any dimension, no cell of the cross table, no single person.
    for (const week of ['2027-02-22', '2027-03-01', '2027-03-08']) {
      const shown = DIMS.flatMap((dim) => reports[dim].filter((r) => r.week === week && !r.suppressed).map((r) => ({ dim, group: r.group })));
      const groupsOf = DIMS.flatMap((dim) => [...new Set(members.map((m) => m.groups[dim]))].map((g) => members.filter((m) => m.groups[dim] === g)));
      const cells = [...new Set(members.map((m) => DIMS.map((d) => m.groups[d]).join('|')))].map((k) => members.filter((m) => DIMS.map((d) => m.groups[d]).join('|') === k));
      const leaks = workedOut(members, shown, [...groupsOf, ...cells, ...members.map((m) => [m])]);
      expect(leaks.map((set) => set.map((m) => DIMS.map((d) => m.groups[d]).join('/'))), week).toEqual([]);
    }
  });

  it('shows the same figures for a finished week a week later, after someone moved to another group', async () => {
    const before = await csv(db, 'department', NOW, 3);
    const mover = members.find((m) => m.groups.department === 'balie' && m.groups.education === 'hbo')!;
    await db.prisma.person.update({ where: { id: mover.id }, data: { department: 'buitendienst' } });
    const after = await csv(db, 'department', new Date(NOW.getTime() + 7 * DAY), 3);
    for (const week of ['2027-03-01']) {
      const pick = (rows: typeof before) => rows.filter((r) => r.week === week).sort((a, b) => a.group.localeCompare(b.group));
      expect(pick(after), week).toEqual(pick(before));
    }
    // The week that was running at the first report is frozen with the members of when it ended.
    const running = after.filter((r) => r.week === '2027-03-08' && r.group === 'buitendienst')[0]!;
    expect(running.people).toBe('13');
  });
});
