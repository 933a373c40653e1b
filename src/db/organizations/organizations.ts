import type { OrganizationRepository } from '../../core/organizations/organization-repository.js';
import { slug } from '../../core/organizations/organizations.js';
import type { Prisma } from '../database.js';

export type Tx = Parameters<Parameters<Prisma['$transaction']>[0]>[0];

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

export class PrismaOrganizationRepository implements OrganizationRepository {
  constructor(private readonly db: Prisma) {}

  findByKeyOrName(key: string, name: string) {
    return this.db.organization.findFirst({
      where: { OR: [{ key }, { name: { equals: name, mode: 'insensitive' } }] },
      select: { id: true, name: true },
    });
  }

  async setKlusChannel(id: string, channel: string | null): Promise<void> {
    await this.db.organization.update({ where: { id }, data: { klusChannel: channel } });
  }
}
