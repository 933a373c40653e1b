import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { PosterContent } from '../core/outreach/ports.js';

// DejaVu Sans (from the dejavu-fonts-ttf package) is embedded in every poster (subset): accents and the euro sign
// print on any printer, which PDF's built-in Helvetica does not promise.
const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
// Read once: a poster is made per request, the font files do not change.
const fontFiles = () =>
  (fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  });

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const QR_SIZE = 170;
const INK = '#1a1a1a';
const ACCENT = '#0b5394';

/** The QR code as vector squares: sharp at any print size, and readable from a scan of the printed page. */
function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number) {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const cell = size / (n + 2 * quiet);
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill('#000000');
}

/** An A4 poster: big title, the workshops in large plain letters, the call to action and the QR code at the foot. */
export function renderPosterPdf(c: PosterContent): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, lang: c.language === 'nl' ? 'nl-NL' : 'en-GB', info: { Title: `${c.title} – ${c.subtitle}` }, displayTitle: true });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const { regular, bold } = fontFiles();
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const width = A4.width - 2 * MARGIN;

  doc.rect(0, 0, A4.width, 14).fill(ACCENT);
  doc.font('bold').fontSize(40).fillColor(ACCENT).text(c.title, MARGIN, MARGIN, { width });
  doc.font('regular').fontSize(20).fillColor(INK).text(c.subtitle, { width }).moveDown(0.8);

  const footTop = A4.height - MARGIN - QR_SIZE;
  let shown = 0;
  for (const item of c.items) {
    // Measure first: an item that would run into the foot goes behind the QR code with the rest.
    doc.font('bold').fontSize(22);
    const h = doc.heightOfString(item.title, { width }) + 2 * 24 + 14;
    if (doc.y + h > footTop - 40) break;
    shown++;
    doc.fillColor(INK).text(item.title, MARGIN, doc.y, { width });
    doc.font('regular').fontSize(17).text(item.when, { width });
    if (item.where) doc.text(item.where, { width });
    doc.moveDown(0.6);
  }
  if (c.total > shown) doc.font('bold').fontSize(17).fillColor(INK).text(c.more(c.total - shown), MARGIN, doc.y, { width });

  const textWidth = width - QR_SIZE - 20;
  doc.font('bold').fontSize(24).fillColor(ACCENT).text(c.callToAction, MARGIN, footTop + 10, { width: textWidth });
  doc.font('regular').fontSize(14).fillColor(INK).text(c.note, { width: textWidth }).moveDown(0.3);
  doc.fontSize(11).text(c.url, { width: textWidth, link: c.url });
  drawQr(doc, c.url, A4.width - MARGIN - QR_SIZE, footTop, QR_SIZE);
  doc.end();
  return done;
}
