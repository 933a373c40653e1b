import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { applyMigrations, MigrationError, readMigrations, type Migration } from '../../src/db/migrate.js';
import { emptyDatabase, testPostgres } from '../support/db.js';
import { tempDataDir } from '../support/embedded-postgres.js';

describe('migration runner', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('applies every migration once and records them as prisma migrate deploy does', async () => {
    const lite = await emptyDatabase('embedded');
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(await applyMigrations(lite.session, migrations)).toEqual(migrations.map((m) => m.name));
    expect(await applyMigrations(lite.session, migrations)).toEqual([]);
    const rows = await lite.session.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [i, r] of rows.entries()) {
      expect(r.checksum).toBe(createHash('sha256').update(migrations[i]!.sql).digest('hex'));
      expect(r.finished_at).not.toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
    await lite.close();
  });

  it('records a failing migration, rolls its changes back, and refuses later runs until resolved', async () => {
    const lite = await emptyDatabase('embedded');
    const good: Migration = { name: '0001_good', sql: 'CREATE TABLE a (id int);', checksum: 'x' };
    const bad: Migration = { name: '0002_bad', sql: 'CREATE TABLE b (id int);\nSELECT * FROM nope;', checksum: 'y' };
    await expect(applyMigrations(lite.session, [good, bad])).rejects.toThrow(MigrationError);
    const tables = (await lite.session.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE tablename IN ('a','b')")).map((r) => r.t);
    expect(tables).toEqual(['a']);
    const failed = (await lite.session.query<{ logs: string; finished_at: Date | null }>(`SELECT logs, finished_at FROM "_prisma_migrations" WHERE migration_name = '0002_bad'`))[0];
    expect(failed?.finished_at).toBeNull();
    expect(failed?.logs).toMatch(/nope/);
    await expect(applyMigrations(lite.session, [good])).rejects.toThrow(/0002_bad failed earlier/);
    await lite.close();
  });

  it('refuses a database migrated by a newer version', async () => {
    const lite = await emptyDatabase('embedded');
    await applyMigrations(lite.session, [{ name: '0001', sql: 'SELECT 1;', checksum: 'a' }, { name: '0002', sql: 'SELECT 1;', checksum: 'b' }]);
    await expect(applyMigrations(lite.session, [{ name: '0001', sql: 'SELECT 1;', checksum: 'a' }])).rejects.toThrow(/newer version/);
    await lite.close();
  });

  it('migrates a real PostgreSQL, and a second runner at the same time waits for the advisory lock', async () => {
    const db = await testPostgres(4);
    // The template is migrated already; run both at once anyway: neither may fail or apply twice.
    const [a, b] = await Promise.all([db.migrate(), db.migrate()]);
    expect([...a, ...b]).toEqual([]);
    const { count } = await db.prisma.$queryRawUnsafe<{ count: bigint }[]>('SELECT count(*) AS count FROM "_prisma_migrations"').then((r) => r[0]!);
    expect(Number(count)).toBe((await readMigrations()).length);
    await db.close();
  });

  it('keeps embedded data across a restart of the same DATA_DIR', async () => {
    const dataDir = await tempDataDir('vw-persist-');
    dirs.push(dataDir);
    const first = await openDatabase({ dataDir: path.join(dataDir, 'nested', 'dir'), as: 'bot' });
    await first.migrate();
    await first.prisma.organization.create({ data: { key: 'blijft', name: 'Gemeente Blijft' } });
    await first.close();
    const second = await openDatabase({ dataDir: path.join(dataDir, 'nested', 'dir'), as: 'bot' });
    expect(await second.migrate()).toEqual([]);
    expect((await second.prisma.organization.findUnique({ where: { key: 'blijft' } }))?.name).toBe('Gemeente Blijft');
    expect(await second.ping()).toBe(true);
    await second.close();
    expect(await second.ping()).toBe(false);
  });
});
