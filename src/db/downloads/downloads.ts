import { randomBytes } from 'node:crypto';
import type { DownloadFile, DownloadRepository } from '../../core/downloads/download-repository.js';
import { Prisma as P } from '../../generated/prisma/client.js';
import type { Prisma } from '../database.js';

/** 32 random bytes, base64url: 43 characters nobody can guess. */
export const DOWNLOAD_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export class PrismaDownloadRepository implements DownloadRepository {
  constructor(private readonly db: Prisma) {}

  async create(file: DownloadFile): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db.download.create({
      data: { token, personId: file.personId, filename: file.filename, mimeType: file.mimeType, content: Buffer.from(file.content), expiresAt: file.expiresAt },
    });
    return token;
  }

  async take(token: string, now: Date) {
    if (!DOWNLOAD_TOKEN.test(token)) return null;
    // Deleting is the claim: of two simultaneous requests only one gets the row back, so a link works once.
    const row = await this.db.download.delete({ where: { token } }).catch((e: unknown) => {
      if (e instanceof P.PrismaClientKnownRequestError && e.code === 'P2025') return null;
      throw e;
    });
    if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
    return { personId: row.personId, filename: row.filename, mimeType: row.mimeType, content: new Uint8Array(row.content) };
  }

  async pruneExpired(now: Date) {
    await this.db.download.deleteMany({ where: { expiresAt: { lt: now } } });
  }
}
