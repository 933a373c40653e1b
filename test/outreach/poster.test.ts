import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/messages.js';
import { aPerson, anActor, anOrganization } from '../support/builders.js';
import { useTestWorld } from '../support/world.js';
import { aLearningWeek, keepArtefact, readPdf } from './support.js';

const w = useTestWorld('postgres');

const CTA = 'Aanmelden? Vraag het je teamleider of scan de code.';

function downloadToken(reply: Reply): string {
  const url = reply.messages.flatMap((m) => m.blocks ?? []).flatMap((b) => (b.type === 'actions' ? b.buttons : [])).find((b) => b.url)?.url;
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3978\/downloads\/[A-Za-z0-9_-]{43}$/);
  return url!.split('/').pop()!;
}

describe('the A4 poster of a learning week', () => {
  it('HR and team leaders get a one-time link to a PDF that reads back: workshops in plain Dutch, the sentence, the QR code', async () => {
    const org = await anOrganization(w.db);
    const { week, workshops } = await aLearningWeek(w.db, [
      { title: 'Veilig werken met de bosmaaier', startsAt: '2027-03-16T08:00:00Z' },
      { title: 'Eerste hulp: reanimatie oefenen', startsAt: '2027-03-17T12:30:00Z', hours: 1.5, location: 'Sporthal De Ééndracht' },
      { title: 'Café Taal – beter lezen en schrijven', startsAt: '2027-03-18T09:00:00Z', location: null, onlineUrl: 'https://example.org/t' },
    ]);
    const hr = await aPerson(w.db, { organizationId: org.id, roles: ['EMPLOYEE', 'HR'] });
    const leader = await aPerson(w.db, { organizationId: org.id, roles: ['EMPLOYEE', 'MANAGER'] });

    for (const who of [hr, leader]) {
      const reply = await w.core.bot.text(await anActor(w.db, w.core, who.id), 'poster');
      expect(reply.messages[0]!.text).toContain('Je poster staat klaar');
      const file = await w.core.ctx.downloads.take(downloadToken(reply), w.clock.now());
      expect(file?.mimeType).toBe('application/pdf');
      expect(file?.filename).toBe(`poster-${week.key}.pdf`);
      const pdf = file!.content;
      // Fonts embedded (TrueType subsets of DejaVu Sans), none of the 14 fonts a printer has to make up.
      const raw = Buffer.from(pdf).toString('latin1');
      expect(raw).toMatch(/\/FontFile2/);
      expect(raw).toMatch(/DejaVuSans/);
      expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
      expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);

      const read = await readPdf(pdf);
      expect(read.pages).toBe(1);
      const text = read.text.replace(/\s+/g, ' ');
      expect(text).toContain(CTA);
      expect(text).toContain('Leerweek Buitendienst: maandag 15 maart tot en met vrijdag 19 maart');
      expect(text).toContain('Veilig werken met de bosmaaier');
      // Dates with their weekday, local time (UTC+1 in March), the place.
      expect(text).toContain('dinsdag 16 maart, 09:00 tot 11:00 uur');
      expect(text).toContain('Gemeentewerf Zuid – kantine');
      expect(text).toContain('woensdag 17 maart, 13:30 tot 15:00 uur');
      expect(text).toContain('Sporthal De Ééndracht');
      expect(text).toContain('Café Taal – beter lezen en schrijven');
      expect(text).toContain('Online');
      expect(read.qr).toBe(`http://127.0.0.1:3978/aanbod/week/${week.key}`);
      keepArtefact(`poster-${who === hr ? 'hr' : 'teamleider'}.png`, read.png);
      keepArtefact(`poster-${who === hr ? 'hr' : 'teamleider'}.pdf`, pdf);
    }
    expect(workshops).toHaveLength(3);
  });

  it('on demand for a set of workshops (by key); what does not fit is behind the QR code', async () => {
    const leader = await aPerson(w.db, { roles: ['EMPLOYEE', 'MANAGER'] });
    const { workshops } = await aLearningWeek(
      w.db,
      Array.from({ length: 8 }, (_, i) => ({
        title: `Workshop nummer ${i + 1} over samenwerken in de buitendienst met een lange titel`,
        startsAt: `2027-03-${String(15 + (i % 5)).padStart(2, '0')}T${String(8 + i).padStart(2, '0')}:00:00Z`,
      })),
      'Andere week',
    );
    const reply = await w.core.bot.text(await anActor(w.db, w.core, leader.id), `poster ${workshops.map((x) => x.key).join(' ')}`);
    const file = await w.core.ctx.downloads.take(downloadToken(reply), w.clock.now());
    const read = await readPdf(file!.content);
    const text = read.text.replace(/\s+/g, ' ');
    expect(text).toContain('Workshops voor jou');
    expect(text).toMatch(/En nog \d meer\. Scan de code\./);
    expect(text).toContain(CTA);
    expect(read.pages).toBe(1);
    expect(read.qr).toBe('http://127.0.0.1:3978/aanbod');
    keepArtefact('poster-set.png', read.png);
  });

  it('others get a friendly no, in their language; the link works once', async () => {
    const employee = await aPerson(w.db, { locale: 'en' });
    const no = await w.core.bot.text(await anActor(w.db, w.core, employee.id), 'poster');
    expect(no.messages[0]!.text).toBe('The poster is for HR and team leaders. Ask your team leader.');
    const hr = await aPerson(w.db, { roles: ['HR'] });
    const reply = await w.core.bot.text(await anActor(w.db, w.core, hr.id), 'poster');
    const token = downloadToken(reply);
    expect(await w.core.ctx.downloads.take(token, w.clock.now())).not.toBeNull();
    expect(await w.core.ctx.downloads.take(token, w.clock.now())).toBeNull();
  });
});
