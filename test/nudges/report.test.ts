import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type CliIo } from '../../src/cli/commands.js';
import { NudgeService } from '../../src/core/nudges/nudge-service.js';
import { CSV_COLUMNS } from '../../src/core/nudges/report-format.js';
import { translator } from '../../src/core/nudges/texts.js';
import type { Database } from '../../src/db/database.js';
import { toCampaign } from '../../src/db/nudges/nudge-campaigns.js';
import { PrismaChartStore } from '../../src/db/nudges/charts.js';
import { createLogger } from '../../src/logger.js';
import { chartRoutes } from '../../src/server/chart-routes.js';
import { HttpServer } from '../../src/server/http-server.js';
import { createMetrics } from '../../src/metrics.js';
import { anOrganization, aWorkshop, FixedClock } from '../support/builders.js';
import { BACKENDS, testDatabase } from '../support/db.js';
import { excelNumber, readAsDutchExcel } from '../support/dutch-excel.js';
import { aCampaign, activity, aMember, DAY, nudgeCore, nudgeRows, said, variant } from './support.js';
import { cliDeps } from '../../src/runtime/admin-deps.js';

/** Wednesday 10 March 2027, 10:00 local. */
const NOW = new Date('2027-03-10T09:00:00Z');

function cli(db: Database, now = NOW) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), readFile: async () => Buffer.from(''), writeFile: async () => undefined };
  const run = (...argv: string[]) => runCommand(argv, io, async () => cliDeps(db, { timezone: 'Europe/Amsterdam', now: () => now }));
  return { run, out, err };
}

// The CLI prints the file without its last line end.
const parseCsv = (text: string) => readAsDutchExcel(`${text}\r\n`);
/** A share as Dutch Excel shows it: a decimal comma. */
const nl = (n: number) => String(n).replace('.', ',');

describe.each(BACKENDS)('HR report on %s', (backend) => {
  let db: Database;
  let hr: { id: string };
  let campaignKey: string;
  let perVariant: Record<string, { sent: number; clicked: number; after: number }>;

  beforeAll(async () => {
    db = await testDatabase(backend);
    const org = await anOrganization(db, 'Gemeente Dijkstad');
    hr = await aMember(db, { organizationId: org.id, department: 'HR-Team', roles: ['HR'] });
    // Groen: 6 people, 3 active this week. Post: 4 people, all active (too small to show). Balie: 5, nobody.
    for (let i = 0; i < 6; i++) {
      const p = await aMember(db, { organizationId: org.id, department: 'Groen' });
      if (i < 3) await activity(db, p.id, new Date(NOW.getTime() - DAY));
    }
    for (let i = 0; i < 4; i++) await activity(db, (await aMember(db, { organizationId: org.id, department: 'Post' })).id, new Date(NOW.getTime() - DAY));
    for (let i = 0; i < 5; i++) await aMember(db, { organizationId: org.id, department: 'Balie' });
    for (let i = 0; i < 3; i++) await aWorkshop(db, { startsAt: new Date(NOW.getTime() + (5 + i) * DAY) });

    // An A/B campaign to 40 people of another organisation, delivered; some click, some sign up afterwards.
    const abOrg = await anOrganization(db, 'Gemeente Lingeveld');
    for (let i = 0; i < 40; i++) await aMember(db, { organizationId: abOrg.id, department: 'Wijkteam' });
    const c = await aCampaign(db, { target: { organizations: [abOrg.id] }, variants: [variant('A', 'Tekst A.'), variant('B', 'Tekst B.')] });
    campaignKey = c.key;
    const at = new Date('2027-03-01T08:00:00Z');
    const core = nudgeCore(db, { clock: new FixedClock(at) });
    await new NudgeService(core.ctx).fireCampaign(toCampaign(c), at);
    await db.prisma.outboxMessage.updateMany({ where: { kind: 'nudge.campaign' }, data: { status: 'SENT', sentAt: at } });
    perVariant = {};
    const rows = await nudgeRows(db);
    for (const [i, r] of rows.entries()) {
      const v = (r.payload as { variant: string }).variant;
      const f = (perVariant[v] ??= { sent: 0, clicked: 0, after: 0 });
      f.sent++;
      if (i % 3 === 0) {
        await core.bot.action(await core.actor(r.personId!), { action: 'nudge.open', value: JSON.stringify({ c: c.id }) });
        f.clicked++;
      }
      if (i % 4 === 0) {
        await activity(db, r.personId!, new Date(at.getTime() + 2 * DAY));
        f.after++;
      }
    }
    // A second campaign reached only three people: too few to show anything.
    const tiny = await anOrganization(db);
    for (let i = 0; i < 3; i++) await aMember(db, { organizationId: tiny.id });
    const t = await aCampaign(db, { key: 'klein', target: { organizations: [tiny.id] } });
    await new NudgeService(core.ctx).fireCampaign(toCampaign(t), at);
    await db.prisma.outboxMessage.updateMany({ where: { kind: 'nudge.campaign', status: 'PENDING' }, data: { status: 'SENT', sentAt: at } });
  });
  afterAll(async () => db?.close());

  it('writes engagement by group per week and per campaign variant as CSV, groups under five without figures', async () => {
    const { run, out } = cli(db);
    expect(await run('report', '--format', 'csv', '--weeks', '2')).toBe(0);
    const [header, ...rows] = parseCsv(out.join('\n'));
    expect(header).toEqual([...CSV_COLUMNS]);
    const row = (section: string, group: string, week = '') =>
      rows.find((r) => r[0] === section && (r[2] === group || r[7] === group) && (week === '' || r[3] === week || r[8] === week));
    expect(row('engagement', 'Groen', '2027-03-08')).toEqual(['engagement', 'department', 'Groen', '2027-03-08', '6', '3', '50', '', '', '', '', '', '', '', 'no']);
    expect(row('engagement', 'Groen', '2027-03-01')!.slice(4, 7)).toEqual(['6', '0', '0']);
    expect(row('engagement', 'Post', '2027-03-08')).toEqual(['engagement', 'department', 'Post', '2027-03-08', '', '', '', '', '', '', '', '', '', '', 'yes']);
    expect(row('engagement', 'Balie', '2027-03-08')!.slice(4, 7)).toEqual(['5', '0', '0']);
    expect(rows.some((r) => (r[0] === 'engagement' && r[2] === '') || /total/i.test(r.join()))).toBe(false);
    for (const [v, f] of Object.entries(perVariant)) {
      expect(row('campaign', campaignKey, v), v).toEqual([
        'campaign', '', '', '', '', '', '', campaignKey, v, String(f.sent), String(f.clicked),
        nl(Math.round((f.clicked / f.sent) * 1000) / 10), String(f.after), nl(Math.round((f.after / f.sent) * 1000) / 10), 'no',
      ]);
    }
    // Dutch Excel reads the shares as numbers (decimal comma).
    for (const [v, f] of Object.entries(perVariant)) expect(excelNumber(row('campaign', campaignKey, v)![11]!)).toBe(Math.round((f.clicked / f.sent) * 1000) / 10);
    // For an English reader the same figures with decimal points; an unknown locale is a usage error.
    const en = cli(db);
    expect(await en.run('report', '--format', 'csv', '--weeks', '2', '--locale', 'en')).toBe(0);
    const enRows = readAsDutchExcel(`${en.out.join('\n')}\r\n`);
    for (const [v, f] of Object.entries(perVariant)) {
      expect(enRows.find((r) => r[7] === campaignKey && r[8] === v)![11]).toBe(String(Math.round((f.clicked / f.sent) * 1000) / 10));
    }
    expect(await cli(db).run('report', '--format', 'csv', '--locale', 'de')).toBe(2);
    expect(row('campaign', 'klein', 'A')!.slice(9)).toEqual(['', '', '', '', '', 'yes']);
  });

  it('writes the same as text, by organisation too', async () => {
    const { run, out } = cli(db);
    expect(await run('report', '--by', 'organisation')).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('Engagement by organization');
    expect(text).toMatch(/Gemeente Dijkstad\s+16/);
    expect(text).toContain('klein A: sent to fewer than 5, suppressed');
    expect(await cli(db).run('report', '--by', 'shoe size')).toBe(2);
  });

  it('shows HR a chart image, the figures as text and a CSV download in chat', async () => {
    const core = nudgeCore(db, { clock: new FixedClock(NOW) });
    const actor = await core.actor(hr.id);
    const reply = await core.bot.text(actor, 'rapport');
    const msg = reply.messages[0]!;
    const text = said(msg);
    expect(text).toContain('Groen: 50% (3 van 6)');
    expect(text).toContain('Post: minder dan 5 mensen, dus geen cijfers');
    expect(text).toContain('klein A: naar minder dan 5 mensen');
    const image = msg.blocks.find((b) => b.type === 'image');
    expect(image).toBeDefined();
    if (image?.type !== 'image') throw new Error('no image');
    expect(image.alt).toContain('Post minder dan 5');
    // Dutch numbers in the Dutch text and the alt text: "12,5%", never "12.5%".
    for (const [v, f] of Object.entries(perVariant)) {
      const share = nl(Math.round((f.clicked / f.sent) * 1000) / 10);
      expect(text).toContain(`${campaignKey} ${v}: ${f.clicked} van ${f.sent} klikten (${share}%)`);
      expect(image.alt).toContain(`${campaignKey} ${v} ${share}%`);
    }
    expect(`${text} ${image.alt}`).not.toMatch(/\d\.\d%/);
    expect(translator('nl')('report.group', { group: 'Financiën', share: 12.5, active: 1, people: 8 })).toBe('Financiën: 12,5% (1 van 8)');
    expect(translator('en')('report.group', { group: 'Finance', share: 12.5, active: 1, people: 8 })).toBe('Finance: 12.5% (1 of 8)');
    expect(image.url).toMatch(/^http:\/\/127\.0\.0\.1:3978\/charts\/[A-Za-z0-9_-]{43}\.png$/);

    // The image is served at that path, as often as a chat client asks, and unknown tokens are not.
    const server = new HttpServer(createLogger('silent'), createMetrics());
    for (const r of chartRoutes(new PrismaChartStore(db.prisma), core.ctx.clock)) server.mount(r);
    const port = await server.listen(0, '127.0.0.1');
    try {
      const path = new URL(image.url).pathname;
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('image/png');
        const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
        // Drawn at twice the chart's 480 units, for sharp text on phones (was 760 wide with a pixel font).
        expect(png.width).toBe(960);
        expect(png.height).toBeGreaterThan(200);
      }
      expect((await fetch(`http://127.0.0.1:${port}/charts/${'x'.repeat(43)}.png`)).status).toBe(404);
    } finally {
      await server.close();
    }

    const csv = await core.bot.action(actor, { action: 'report.csv', value: 'education' });
    const link = csv.messages[0]!.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []))[0]!;
    const file = await core.ctx.downloads.take(link.url!.split('/').pop()!, NOW);
    const [header, ...rows] = readAsDutchExcel(file!.content);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows.length).toBeGreaterThan(0);
  });
});
