import { randomUUID } from 'node:crypto';
import type { DirectoryStore, StoredPerson, SyncCounts, SyncPlan } from '../../core/directory/directory-store.js';
import type { LeaverHoldings, LeaverRepository } from '../../core/directory/leavers.js';
import type { Prisma } from '../database.js';
import { ensureOrganizations } from '../organizations/organizations.js';
import { deactivateInTx, reactivateInTx, type Tx } from '../people/leavers.js';

// A first sync of a big tenant writes thousands of rows: beyond Prisma's default of 5 s for a transaction.
const BIG_TX = { timeout: 300_000, maxWait: 30_000 };

export class PrismaDirectoryStore implements DirectoryStore, LeaverRepository {
  constructor(private readonly db: Prisma) {}

  async people(): Promise<StoredPerson[]> {
    const rows = await this.db.person.findMany({
      where: { erasedAt: null },
      select: {
        id: true, email: true, name: true, directoryId: true, department: true, jobTitle: true, employeeNumber: true,
        educationLevel: true, managerId: true, deactivatedBy: true,
        organization: { select: { name: true } },
        identities: { select: { platform: true, userId: true } },
      },
    });
    return rows.map((r) => ({
      id: r.id, email: r.email, name: r.name, directoryId: r.directoryId, department: r.department, jobTitle: r.jobTitle,
      employeeNumber: r.employeeNumber, educationLevel: r.educationLevel, managerId: r.managerId, deactivatedBy: r.deactivatedBy,
      organization: r.organization?.name ?? null,
      slackIds: r.identities.filter((i) => i.platform === 'SLACK').map((i) => i.userId),
      teamsIds: r.identities.filter((i) => i.platform === 'TEAMS').map((i) => i.userId),
    }));
  }

  async deltaLink(source: string) {
    return (await this.db.directorySyncState.findUnique({ where: { source } }))?.deltaLink ?? null;
  }

  async groups() {
    const rows = await this.db.directoryGroup.findMany({ include: { members: { select: { personId: true } } } });
    return rows.map((g) => ({ externalId: g.externalId, name: g.name, members: g.members.map((m) => m.personId) }));
  }

  async apply(plan: SyncPlan, counts: SyncCounts, now: Date): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const orgNames = [...plan.creates, ...plan.updates.map((u) => u.fields)].flatMap((f) => (f.organization ? [f.organization] : []));
      const orgs = await ensureOrganizations(tx, orgNames);
      const orgId = (name: string | null | undefined) => (name === undefined ? undefined : name ? orgs.get(name.trim())! : null);
      const ids = new Map<string, string>();
      const id = (ref: string) => ids.get(ref) ?? ref;
      if (plan.creates.length) {
        const data = plan.creates.map((c) => {
          const personId = randomUUID();
          ids.set(c.key, personId);
          const { key: _key, organization, ...fields } = c;
          return { id: personId, ...fields, locale: c.locale ?? null, organizationId: orgId(organization) ?? null };
        });
        await tx.person.createMany({ data });
      }
      for (const u of plan.updates) {
        const { organization, ...fields } = u.fields;
        const organizationId = orgId(organization);
        await tx.person.update({ where: { id: u.personId }, data: { ...fields, ...(organizationId !== undefined ? { organizationId } : {}) } });
      }
      await setManagers(tx, plan.managers.map((m) => ({ person: id(m.person), manager: m.manager === null ? null : id(m.manager) })));
      if (plan.identities.length) {
        await tx.channelIdentity.createMany({
          data: plan.identities.map((i) => ({ platform: i.platform, tenantId: '', userId: i.userId, personId: id(i.person) })),
          skipDuplicates: true,
        });
      }
      for (const u of plan.unreachable) {
        await tx.channelIdentity.updateMany({ where: { platform: u.platform, userId: u.userId, unreachableAt: null }, data: { unreachableAt: now, unreachableReason: u.reason } });
      }
      await deactivateInTx(tx, plan.deactivate, plan.source, now);
      await reactivateInTx(tx, plan.reactivate, plan.source);
      if (plan.source === 'slack' && plan.reactivate.length) {
        await tx.channelIdentity.updateMany({
          where: { personId: { in: plan.reactivate }, platform: 'SLACK', unreachableReason: 'slack account deactivated' },
          data: { unreachableAt: null, unreachableReason: null },
        });
      }
      await writeGroups(tx, plan, id);
      if (plan.deltaLink) {
        await tx.directorySyncState.upsert({ where: { source: plan.source }, create: { source: plan.source, deltaLink: plan.deltaLink }, update: { deltaLink: plan.deltaLink } });
      }
      // Counts only: the refused records' addresses stay out of the log (they are printed to HR instead).
      await tx.auditLog.create({ data: { at: now, actor: 'sync', action: `sync.${plan.source}`, details: { ...counts } } });
    }, BIG_TX);
  }

  async holdings(now: Date): Promise<LeaverHoldings[]> {
    const rows = await this.db.person.findMany({
      where: { deactivatedAt: { not: null }, erasedAt: null },
      select: {
        id: true,
        signups: { where: { status: { in: ['CONFIRMED', 'WAITLISTED'] }, workshop: { startsAt: { gt: now } } }, select: { workshopId: true } },
        klusInterests: { where: { status: { in: ['INTERESTED', 'ACCEPTED'] } }, select: { klusId: true } },
        outbox: { where: { status: 'PENDING' }, select: { id: true }, take: 1 },
      },
    });
    return rows
      .filter((r) => r.signups.length || r.klusInterests.length || r.outbox.length)
      .map((r) => ({ personId: r.id, workshopIds: r.signups.map((s) => s.workshopId), klusIds: r.klusInterests.map((k) => k.klusId) }));
  }
}

/** Team leaders in one statement, however many changed. */
async function setManagers(tx: Tx, rows: { person: string; manager: string | null }[]) {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Person" p SET "managerId" = v.manager::uuid, "updatedAt" = now()
      FROM unnest(${rows.map((r) => r.person)}::text[], ${rows.map((r) => r.manager)}::text[]) AS v(person, manager)
     WHERE p.id = v.person::uuid`;
}

async function writeGroups(tx: Tx, plan: SyncPlan, id: (ref: string) => string) {
  for (const g of plan.groups.upsert) {
    const row = await tx.directoryGroup.upsert({ where: { externalId: g.externalId }, create: { externalId: g.externalId, name: g.name }, update: { name: g.name } });
    const members = g.members.map(id);
    await tx.directoryGroupMember.deleteMany({ where: { groupId: row.id, personId: { notIn: members } } });
    if (members.length) await tx.directoryGroupMember.createMany({ data: members.map((personId) => ({ groupId: row.id, personId })), skipDuplicates: true });
  }
  if (plan.groups.remove.length) await tx.directoryGroup.deleteMany({ where: { externalId: { in: plan.groups.remove } } });
}
