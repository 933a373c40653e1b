import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/i18n/index.js';
import { scheduleInWords } from '../../src/core/nudges/schedule-words.js';
import type { Database } from '../../src/db/database.js';
import { aWorkshop, FixedClock, testCore } from '../support/builders.js';
import { testDatabase } from '../support/db.js';
import { shown, someone, type TestCore } from '../reflection/support.js';

describe('words: plurals, numbers and schedules', () => {
  it('picks singular and plural through Intl.PluralRules, in both languages', () => {
    expect(t('nl', 'console.pick', { count: 1 })).toBe('Er is 1 knop. Typ 1 om hem te kiezen.');
    expect(t('nl', 'console.pick', { count: 3 })).toBe('Kies een knop van 1 tot 3.');
    expect(t('en', 'console.form', { title: 'Answer', count: 1 })).toBe('Answer (1 question)');
    expect(t('nl', 'console.form', { title: 'Antwoord', count: 1 })).toBe('Antwoord (1 vraag)');
    expect(t('nl', 'console.form', { title: 'Antwoord', count: 0 })).toBe('Antwoord (0 vragen)');
  });

  it('writes fractions the Dutch way in Dutch texts', () => {
    expect(t('nl', 'error.invalid_input', { detail: 12.5 })).toContain('12,5');
    expect(t('en', 'error.invalid_input', { detail: 12.5 })).toContain('12.5');
    expect(t('nl', 'error.invalid_input', { detail: 2027 })).toContain('2027');
  });

  it('says schedules in words', () => {
    expect(scheduleInWords('0 7 * * 2', 'nl')).toBe('elke dinsdag om 07:00');
    expect(scheduleInWords('0 7 * * 2', 'en')).toBe('every Tuesday at 07:00');
    expect(scheduleInWords('30 9 * * 1-5', 'nl')).toBe('elke werkdag om 09:30');
    expect(scheduleInWords('0 8 * * 1,3', 'nl')).toBe('elke maandag en woensdag om 08:00');
    expect(scheduleInWords('0 8 * * *', 'en')).toBe('every day at 08:00');
    expect(scheduleInWords('*/5 8 * * *', 'nl')).toBe('cron */5 8 * * *');
  });
});

describe('words in chat', () => {
  let db: Database;
  let core: TestCore;
  const clock = new FixedClock(new Date('2027-03-08T09:00:00Z')); // Monday

  beforeAll(async () => {
    db = await testDatabase('postgres');
    core = testCore(db, clock);
  });
  afterAll(async () => db?.close());

  it('names an unknown language back and keeps the current one', async () => {
    const { person, actor } = await someone(db, core);
    expect(shown(await core.bot.text(actor, 'language de'))).toContain('Die taal ken ik niet: “de”. Kies nl of en.');
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).locale).toBe('nl');
    expect(shown(await core.bot.text(actor, 'taal engels'))).toContain('English');
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).locale).toBe('en');
  });

  it('understands "Help!", and help per role lists every word behind "meer"', async () => {
    const { actor } = await someone(db, core);
    const short = shown(await core.bot.text(actor, 'Help!'));
    expect(short).toContain('Wat kan Vliegwiel voor je doen?');
    expect(short).toContain('nav.help_more');
    expect(short).not.toContain('geen nudges');
    const all = shown(await core.bot.text(actor, 'meer'));
    for (const word of ['workshops', 'klussen', 'reflectie', 'mijn dossier', 'doel', 'ritme', 'vaardigheden', 'mijn gegevens', 'geen nudges', 'pauze', 'taal'])
      expect(all, word).toContain(word);
    expect(all).not.toContain('rapport');
    const hr = await someone(db, core, { roles: ['HR'], locale: 'en' });
    expect(shown(await core.bot.text(hr.actor, 'help'))).toContain('report');
    const hrAll = shown(await core.bot.action(hr.actor, { action: 'nav.help_more', value: '' }));
    for (const word of ['report', 'campaigns', 'broadcast', 'no nudges', 'manage workshops']) expect(hrAll, word).toContain(word);
  });

  it('finds workshops ignoring accents and case, and names the date a day word meant', async () => {
    await aWorkshop(db, { title: 'Nieuwe ideeën voor je werk', startsAt: new Date('2027-03-09T09:00:00Z'), endsAt: new Date('2027-03-09T11:00:00Z'), tags: ['stress'] });
    const nl = await someone(db, core);
    expect(shown(await core.bot.text(nl.actor, 'workshops ideeen'))).toContain('Nieuwe ideeën voor je werk');
    expect(shown(await core.bot.text(nl.actor, 'workshops IDEEËN'))).toContain('Nieuwe ideeën voor je werk');
    const tuesday = shown(await core.bot.text(nl.actor, 'workshops dinsdag stress'));
    expect(tuesday).toContain('Workshops op dinsdag 9 maart 2027.');
    expect(tuesday).toContain('Nieuwe ideeën voor je werk');
    const en = await someone(db, core, { locale: 'en' });
    expect(shown(await core.bot.text(en.actor, 'workshops tuesday'))).toContain('Workshops on Tuesday, 9 March 2027.');
  });
});
