import { describe, expect, it } from 'vitest';
import { parseEducationLevel } from '../../src/core/people/education.js';
import { applyMigrations, readMigrations } from '../../src/db/migrate.js';
import { emptyDatabase } from '../support/db.js';

const NAME = '20261203150000_education_levels_canonical';

describe('the data migration of stored education levels (issue 19)', () => {
  it('brings old free text to the canonical levels as the import would, clears what is no level, and reports it', async () => {
    const db = await emptyDatabase('postgres');
    const all = await readMigrations();
    const at = all.findIndex((m) => m.name === NAME);
    expect(at).toBeGreaterThan(0);
    await applyMigrations(db.session, all.slice(0, at));
    const stored = ['MBO 3', 'mbo3', 'Mbo niveau 3', 'MBO-4', 'mbo_2', ' HBO ', 'W.O.', 'vmbo-tl', 'geen', 'mbo', 'kleuterschool', 'mbo 5', '', 'hbo'];
    for (const [i, level] of stored.entries()) {
      await db.session.query(`INSERT INTO "Person" (id, name, "educationLevel", "updatedAt") VALUES (gen_random_uuid(), $1, $2, now())`, [`p${i}`, level]);
    }
    await db.session.query(`INSERT INTO "Person" (id, name, "updatedAt") VALUES (gen_random_uuid(), 'no level', now())`);

    expect(await applyMigrations(db.session, all)).toEqual(all.slice(at).map((m) => m.name));

    const rows = await db.session.query<{ name: string; educationLevel: string | null }>(`SELECT name, "educationLevel" FROM "Person" ORDER BY name`);
    const byName = new Map(rows.map((r) => [r.name, r.educationLevel]));
    for (const [i, level] of stored.entries()) {
      // The SQL follows the import's own parser: the same answer for every spelling ('' and no level are both empty).
      expect(byName.get(`p${i}`), level).toBe(parseEducationLevel(level) || null);
    }
    expect(byName.get('no level')).toBeNull();
    const [report] = await db.session.query<{ actor: string; details: { changed: number; cleared: number; clearedPeople: string[] } }>(
      `SELECT actor, details FROM "AuditLog" WHERE action = 'people.education_levels_migrated'`,
    );
    expect(report?.actor).toBe('system');
    expect(report?.details.cleared).toBe(2);
    expect(report?.details.clearedPeople).toHaveLength(2);
    expect(report?.details.changed).toBe(8);
    await db.close();
  });
});
