import type { Prisma } from '../../db/database.js';

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

export class UnknownOrganizationError extends Error {
  constructor(name: string) {
    super(`No organisation "${name}". The organisations are made by the imports (the organization column).`);
  }
}

/** Sets (or, with null, clears) where an organisation's new klussen are announced; returns the organisation's name. */
export async function setKlusChannel(db: Prisma, organization: string, channel: string | null): Promise<{ id: string; name: string }> {
  const org = await db.organization.findFirst({
    where: { OR: [{ key: slug(organization) }, { name: { equals: organization.trim(), mode: 'insensitive' } }] },
    select: { id: true, name: true },
  });
  if (!org) throw new UnknownOrganizationError(organization);
  await db.organization.update({ where: { id: org.id }, data: { klusChannel: channel } });
  return org;
}
