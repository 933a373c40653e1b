import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalDataMarkdown } from '../../src/core/privacy/personal-data-markdown.js';
import type { Database } from '../../src/db/database.js';
import { PrismaPrivacyRepository } from '../../src/db/privacy/privacy.js';
import { aPerson, aWorkshop } from '../support/builders.js';
import { testDatabase } from '../support/db.js';
import { dutchWordsIn } from '../support/dutch-words.js';

const NOW = new Date('2027-03-01T09:00:00Z');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('the readable personal data export', () => {
  let db: Database;
  let personId: string;
  beforeAll(async () => {
    db = await testDatabase('postgres');
    const p = db.prisma;
    const manager = await aPerson(db, { name: 'Ruud Leider', roles: ['MANAGER'] });
    const me = await aPerson(db, { name: 'Fatima Bakker', department: 'Groen', managerId: manager.id, skills: ['excel'] });
    personId = me.id;
    await p.person.update({ where: { id: me.id }, data: { educationLevel: 'mbo-3', promptEveryDays: 14, promptWeekday: 2, promptTime: '10:00', optOuts: ['nudges'], jobTitle: 'Hovenier' } });
    await p.channelIdentity.create({ data: { platform: 'SLACK', tenantId: 'T1', userId: 'U123', personId: me.id, lastSeenAt: NOW } });
    const w = await aWorkshop(db, { title: 'Excel voor beginners', startsAt: new Date('2027-03-16T09:00:00Z') });
    await p.signup.create({ data: { workshopId: w.id, personId: me.id, status: 'CONFIRMED' } });
    const klus = await p.klus.create({ data: { key: 'k-export', title: 'Archief opruimen', ownerId: manager.id, status: 'OPEN' } });
    await p.klusInterest.create({ data: { klusId: klus.id, personId: me.id, motivation: 'Ik ken het archief.', releaseStatus: 'APPROVED', status: 'ACCEPTED' } });
    const prompt = await p.prompt.create({ data: { key: 'export-q', theme: 'werk', textNl: 'Wat ging goed?', textEn: 'What went well?' } });
    const d = await p.promptDelivery.create({ data: { personId: me.id, promptId: prompt.id, reason: 'ON_DEMAND', status: 'ANSWERED', sentAt: NOW } });
    await p.reflection.create({ data: { personId: me.id, deliveryId: d.id, text: 'Samen snoeien', createdAt: NOW } });
    await p.reflection.create({ data: { personId: me.id, scale: 4, createdAt: NOW } });
    await p.goal.create({ data: { personId: me.id, text: 'Leren snoeien', doneAt: NOW } });
    await p.engagementEvent.create({ data: { personId: me.id, kind: 'prompt.answered', occurredAt: NOW } });
  });
  afterAll(async () => db?.close());

  const render = async (locale: 'nl' | 'en') =>
    personalDataMarkdown(await new PrismaPrivacyRepository(db.prisma).export(personId), locale, NOW, 'Europe/Amsterdam');

  it('reads as a document in Dutch: headings, labels, dates and codes in words, no database names or ids', async () => {
    const md = await render('nl');
    for (const heading of ['## Over jou', '## Chat-accounts', '## Aanmeldingen voor workshops', '## Klussen waar je aan meedoet', '## Reflecties (alleen jij ziet ze)', '## Doelen', '## Vragen die je kreeg']) {
      expect(md).toContain(heading);
    }
    expect(md).toContain('- **Opleiding**: mbo niveau 3');
    expect(md).toContain('- **Vragen om na te denken**: om de week op dinsdag om 10:00');
    expect(md).toContain('- **Geen berichten over**: tips');
    expect(md).toContain('“Excel voor beginners” op dinsdag 16 maart 2027: aangemeld');
    expect(md).toContain('“Archief opruimen”: je bent gekozen. Vrijgave van uren: goedgekeurd.');
    expect(md).toContain('Je schreef: “Ik ken het archief.”');
    expect(md).toContain('maandag 1 maart 2027: “Samen snoeien”');
    expect(md).toContain('cijfer 4 van 5');
    expect(md).toContain('“Wat ging goed?” – beantwoord');
    expect(md).toContain('Slack: bekend sinds');
    expect(md).not.toMatch(UUID);
    expect(md).not.toMatch(/promptEveryDays|releaseStatus|APPROVED|CONFIRMED|createdAt|\d{4}-\d\d-\d\dT/);
  });

  it('reads in English for an English person, with no Dutch words of its own', async () => {
    const md = await render('en');
    expect(md).toContain('## About you');
    expect(md).toContain('- **Reflection questions**: every other week on Tuesday at 10:00');
    expect(md).toContain('“Archief opruimen”: you were chosen. Release of hours: approved.');
    expect(md).toContain('“What went well?” – answered');
    expect(md).not.toMatch(UUID);
    const typed = ['Fatima Bakker', 'Groen', 'Hovenier', 'Excel voor beginners', 'Archief opruimen', 'Ik ken het archief.', 'Samen snoeien', 'Leren snoeien', 'excel'];
    expect(dutchWordsIn(md, typed)).toEqual([]);
  });
});
