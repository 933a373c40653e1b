import { randomBytes } from 'node:crypto';
import type { BarChart, ChartStore } from '../../core/nudges/chart.js';
import type { Prisma } from '../database.js';

export const CHART_MIME = 'image/png';
export const CHART_FILENAME = 'vliegwiel-chart.png';
/** Slack and Teams fetch an image when the message is shown, and again later; a week covers that. */
const CHART_TTL_MS = 7 * 86_400_000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Chart images in the Download table (expiry and erasure come with it), served by `GET /charts/<token>.png`,
 * which, unlike a download, may be fetched repeatedly: chat clients load an image more than once.
 */
export class PrismaChartStore implements ChartStore {
  constructor(private readonly db: Prisma) {}

  async publish(chart: BarChart, ownerId: string, now: Date): Promise<string> {
    // Loaded on first use: the chart library and the PNG renderer are only needed for a report, never to start.
    const { renderBarChart } = await import('../../charts/bar-chart.js');
    const png = await renderBarChart(chart);
    const token = randomBytes(32).toString('base64url');
    await this.db.download.create({
      data: {
        token,
        personId: ownerId,
        filename: CHART_FILENAME,
        mimeType: CHART_MIME,
        content: new Uint8Array(png),
        expiresAt: new Date(now.getTime() + CHART_TTL_MS),
      },
    });
    return `/charts/${token}.png`;
  }

  async get(token: string, now: Date): Promise<Uint8Array | null> {
    if (!TOKEN.test(token)) return null;
    const row = await this.db.download.findFirst({
      where: { token, mimeType: CHART_MIME, filename: CHART_FILENAME, expiresAt: { gt: now } },
      select: { content: true },
    });
    return row ? new Uint8Array(row.content) : null;
  }
}
