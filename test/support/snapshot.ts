import type { Database } from '../../src/db/database.js';

export type Snapshot = Record<string, { rows: number; hash: string }>;

let tables: string[] | undefined;

/**
 * Every table of the database as a row count and a hash of all its rows, in one round trip. Two equal snapshots
 * mean nothing at all was written in between: no row added, removed or changed, in any table.
 */
export async function snapshotAll(db: Database): Promise<Snapshot> {
  tables ??= (
    await db.prisma.$queryRawUnsafe<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
    )
  ).map((t) => t.name);
  const sql = tables
    .map((t) => `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`)
    .join(' UNION ALL ');
  const rows = await db.prisma.$queryRawUnsafe<{ t: string; n: number; h: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, { rows: r.n, hash: r.h }]));
}

/** The tables that differ between two snapshots, for a readable failure. */
export const changedTables = (a: Snapshot, b: Snapshot) =>
  Object.keys({ ...a, ...b }).filter((t) => a[t]?.hash !== b[t]?.hash || a[t]?.rows !== b[t]?.rows);
