import cron from 'node-cron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignEditor, type FormValues } from '../../src/core/nudges/campaign-editor.js';
import { importCampaigns } from '../../src/core/nudges/import-campaigns.js';
import type { Actor } from '../../src/core/people/person.js';
import { adminPorts } from '../../src/db/admin-store.js';
import type { Database } from '../../src/db/database.js';
import { anOrganization } from '../support/builders.js';
import { testDatabase } from '../support/db.js';
import { aMember, MONDAY_9, nudgeCore } from '../nudges/support.js';

const rules = { timezone: 'Europe/Amsterdam', validCron: (s: string) => cron.validate(s) };

const form = (over: FormValues = {}): FormValues => ({
  key: 'buiten-mbo',
  name: 'Buitendienst mbo',
  schedule: 'elke dinsdag om 07:00',
  departments: 'Buitendienst',
  levels: ['mbo'],
  a_nl_text: 'Er zijn {count} workshops voor jou. Kijk even mee.',
  a_nl_button: 'Bekijk {count} workshops',
  a_en_text: 'There are {count} workshops for you.',
  a_en_button: 'See {count} workshops',
  ...over,
});

describe('the campaign form (one rule set with the JSON import), on postgres', () => {
  let db: Database;
  let editor: CampaignEditor;
  let hr: Actor;
  let employee: Actor;
  beforeAll(async () => {
    db = await testDatabase('postgres');
    const core = nudgeCore(db);
    const ports = adminPorts(db.prisma);
    editor = new CampaignEditor({ campaigns: ports.campaignImport, nudges: ports.nudges, audit: ports.audit, now: () => MONDAY_9, rules });
    const org = await anOrganization(db);
    hr = await core.actor((await aMember(db, { roles: ['HR'], organizationId: org.id })).id);
    employee = await core.actor((await aMember(db, { organizationId: org.id })).id);
    await aMember(db, { department: 'buitendienst', educationLevel: 'mbo-2', organizationId: org.id });
  });
  afterAll(async () => db?.close());

  it('creates a draft campaign from words, and shows it back in words', async () => {
    const r = await editor.save(hr, form());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.campaign).toMatchObject({ key: 'buiten-mbo', status: 'DRAFT', schedule: '0 7 * * 2' });
    expect(r.campaign.target).toMatchObject({ departments: ['Buitendienst'], educationLevels: ['mbo'] });
    expect(await editor.reach(hr, r.campaign.target)).toBe(1);
    expect(await editor.reachOf(hr, { departments: 'buitendienst', levels: 'mbo' })).toBe(1);
    expect(await editor.reachOf(hr, { teams: 'niemand' })).toBeNull();
    expect(await db.prisma.auditLog.count({ where: { action: 'campaign.create', subject: 'buiten-mbo' } })).toBe(1);
  });

  it('names every mistake at once, by field, in the HR person’s language', async () => {
    const r = await editor.save(hr, form({
      key: 'buiten-mbo',
      schedule: 'af en toe',
      hours: '7 tot 3',
      a_nl_text: 'Wij willen alle medewerkers van de gemeente graag uitnodigen om in de komende weken mee te doen aan de leerweek.',
      a_en_button: '',
      b_nl_text: 'Alleen een half ingevulde variant.',
    }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['key', 'schedule', 'hours', 'a_nl_text', 'a_en_button', 'b_nl_button', 'b_en_text']));
    expect(r.problems.find((p) => p.field === 'a_nl_text')?.message).toMatch(/eenvoudig Nederlands/);
    expect(r.problems.find((p) => p.field === 'schedule')?.message).toMatch(/elke dinsdag om 07:00/);
  });

  it('edits a campaign the JSON import made, and the import still reads the same rules', async () => {
    const file = JSON.stringify({ ...JSON.parse('{}'), key: 'uit-json', name: 'Uit JSON', schedule: '0 9 * * 1-5', variants: [{ key: 'A', nl: { text: 'Kijk eens.', button: 'Bekijk' }, en: { text: 'Look.', button: 'See' } }] });
    const ports = adminPorts(db.prisma);
    await importCampaigns(ports.campaignImport, Buffer.from(file), { ...rules, now: MONDAY_9 });
    const id = (await ports.campaignImport.campaignIdByKey('uit-json'))!;
    const c = await editor.get(hr, id);
    const r = await editor.save(hr, { ...form(), key: 'ignored', name: 'Uit JSON, nu met B', schedule: 'elke werkdag om 09:00', b_nl_text: 'Tijd voor iets nieuws?', b_nl_button: 'Bekijk', b_en_text: 'Time for something new?', b_en_button: 'See' }, c.id);
    expect(r.ok && r.campaign).toMatchObject({ key: 'uit-json', name: 'Uit JSON, nu met B', status: 'ACTIVE' });
    expect(r.ok && r.campaign.variants.map((v) => v.key)).toEqual(['A', 'B']);
    // A file with a sentence the form refuses is refused by the import for the same reason.
    const bad = JSON.stringify({ key: 'x', name: 'X', schedule: '0 9 * * 1', variants: [{ key: 'A', nl: { text: form({ a_nl_text: 'Wij willen alle medewerkers van de gemeente graag uitnodigen om in de komende weken mee te doen aan de leerweek.' }).a_nl_text, button: 'Bekijk' }, en: { text: 'a', button: 'b' } }] });
    await expect(importCampaigns(ports.campaignImport, Buffer.from(bad), { ...rules, now: MONDAY_9 })).rejects.toThrow(/not plain Dutch/);
  });

  it('pauses and starts; only HR may', async () => {
    const id = (await adminPorts(db.prisma).campaignImport.campaignIdByKey('buiten-mbo'))!;
    expect((await editor.setStatus(hr, id, 'ACTIVE')).status).toBe('ACTIVE');
    expect((await editor.setStatus(hr, id, 'PAUSED')).status).toBe('PAUSED');
    await expect(editor.setStatus(employee, id, 'ACTIVE')).rejects.toThrow('forbidden');
    await expect(editor.save(employee, form({ key: 'nope' }))).rejects.toThrow('forbidden');
  });
});
