import type { Prisma } from '../db/database.js';

type Tx = Parameters<Parameters<Prisma['$transaction']>[0]>[0];

export const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Organisations by name, created when unknown (imports may name new ones). Returns name → id. */
export async function ensureOrganizations(tx: Tx, names: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set([...names].map((n) => n.trim()).filter(Boolean))];
  const byName = new Map<string, string>();
  for (const name of wanted) {
    const key = slug(name);
    const org = await tx.organization.upsert({ where: { key }, create: { key, name }, update: {} });
    byName.set(name, org.id);
  }
  return byName;
}
