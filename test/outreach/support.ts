import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import type { Database } from '../../src/db/database.js';

// jsqr is CommonJS with a `default` export: the function itself under Vitest, behind `.default` under plain Node.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule.default }).default ?? jsQRModule) as unknown as typeof jsQRModule.default;

/** A PDF read back as people and scanners see it: its text, a PNG of the first page, and the QR code on it. */
export async function readPdf(pdf: Uint8Array): Promise<{ text: string; png: Buffer; qr: string | null; pages: number }> {
  const mupdf = await import('mupdf');
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  const page = doc.loadPage(0);
  const text = page.toStructuredText('preserve-whitespace').asText();
  // 150 dpi: what a phone camera sees of a printed A4 from a metre away is far less sharp than this.
  const pixmap = page.toPixmap(mupdf.Matrix.scale(150 / 72, 150 / 72), mupdf.ColorSpace.DeviceRGB, false, true);
  const png = Buffer.from(pixmap.asPNG());
  const image = PNG.sync.read(png);
  const qr = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
  return { text, png, qr, pages: doc.countPages() };
}

/** Keeps a file as a test artefact (test-artifacts/outreach/<name>) for a look by people. */
export function keepArtefact(name: string, content: Uint8Array): string {
  const dir = join(process.cwd(), 'test-artifacts', 'outreach');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

const uniq = () => randomBytes(4).toString('hex');

/** A learning week with its workshops (local times in Europe/Amsterdam, winter time: UTC+1). */
export async function aLearningWeek(
  db: Database,
  workshops: { title: string; startsAt: string; hours?: number; location?: string | null; capacity?: number; onlineUrl?: string }[],
  name = 'Leerweek Buitendienst',
) {
  const key = `lw-${uniq()}`;
  const week = await db.prisma.learningWeek.create({
    data: { key, name, startsOn: new Date('2027-03-15T00:00:00Z'), endsOn: new Date('2027-03-19T00:00:00Z') },
  });
  const rows = [];
  for (const w of workshops) {
    const startsAt = new Date(w.startsAt);
    rows.push(
      await db.prisma.workshop.create({
        data: {
          key: `ws-${uniq()}`,
          title: w.title,
          learningWeekId: week.id,
          location: w.location === undefined ? 'Gemeentewerf Zuid – kantine' : w.location,
          onlineUrl: w.onlineUrl ?? null,
          capacity: w.capacity ?? 12,
          icsToken: randomUUID(),
          startsAt,
          endsAt: new Date(startsAt.getTime() + (w.hours ?? 2) * 3_600_000),
        },
      }),
    );
  }
  return { week, workshops: rows };
}
