import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/nudges/report.js';
import { consoleReport } from '../../src/core/nudges/report-console.js';
import type { Database } from '../../src/db/database.js';
import { FixedClock, testCore } from '../support/builders.js';
import { testPostgres } from '../support/db.js';
import { importDepotTeam } from './support.js';

const NOW = new Date('2027-03-10T09:00:00Z');

describe('the report by team leader when two team leaders share a name (PostgreSQL)', () => {
  let db: Database;
  let core: ReturnType<typeof testCore>;

  beforeAll(async () => {
    db = await testPostgres(4);
    core = testCore(db, new FixedClock(NOW));
  });
  afterAll(async () => db?.close());

  it('keeps their teams apart, and each sees only their own team in the console', async () => {
    const north = await importDepotTeam(db, { platform: 'slack', userId: 'UJANNORD1', email: 'jan.noord@werf.example', name: 'Jan de Vries' }, 6);
    const south = await importDepotTeam(db, { platform: 'slack', userId: 'UJANZUID1', email: 'jan.zuid@werf.example', name: 'Jan de Vries' }, 7);
    const r = await buildReport(core.ctx.engagementReport, { dimension: 'teamleader', weeks: 1, activityWeeks: 4, now: NOW, timezone: 'Europe/Amsterdam' });
    expect(r.current.find((x) => x.group === 'Jan de Vries (jan.noord@werf.example)')?.people).toBe(6);
    expect(r.current.find((x) => x.group === 'Jan de Vries (jan.zuid@werf.example)')?.people).toBe(7);
    expect(r.current.find((x) => x.group === 'Jan de Vries')).toBeUndefined();

    for (const [leader, size] of [[north.leader, 6], [south.leader, 7]] as const) {
      const person = (await core.ctx.people.findById(leader.id))!;
      const view = await consoleReport(core.ctx, { person, platform: 'CONSOLE', locale: 'nl' }, 'department');
      expect(view.scope).toBe('team');
      expect(view.report.current.map((c) => [c.group, c.people])).toEqual([[`Jan de Vries (${leader.email})`, size]]);
    }
  });
});
