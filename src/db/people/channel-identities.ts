import type { ChannelIdentities } from '../../core/people/channel-identities.js';
import type { Platform } from '../../core/ports.js';
import type { Prisma } from '../database.js';

export class PrismaChannelIdentities implements ChannelIdentities {
  constructor(private readonly db: Prisma) {}

  async isKnown(platform: Platform, tenantId: string, userId: string) {
    const row = await this.db.channelIdentity.findUnique({ where: { platform_tenantId_userId: { platform, tenantId, userId } }, select: { id: true } });
    return row !== null;
  }

  async markUnreachable(platform: Platform, tenantId: string, userId: string, reason: string) {
    await this.db.channelIdentity.updateMany({ where: { platform, tenantId, userId }, data: { unreachableAt: new Date(), unreachableReason: reason } });
  }
}
