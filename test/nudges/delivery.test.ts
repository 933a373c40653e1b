import { respectsPause } from '../../src/app.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NudgeService } from '../../src/core/nudges/nudge-service.js';
import type { Database } from '../../src/db/database.js';
import { toCampaign } from '../../src/db/nudges/nudge-campaigns.js';
import { OutboxStore } from '../../src/db/outbox/outbox-store.js';
import { OutboxWorker } from '../../src/delivery/outbox-worker.js';
import { createLogger } from '../../src/logger.js';
import { anOrganization, aWorkshop, FixedClock } from '../support/builders.js';
import { BACKENDS, testDatabase } from '../support/db.js';
import { RecordingSender } from '../support/recording-sender.js';
import { aCampaign, aMember, DAY, MONDAY_9, nudgeCore, nudgeRows } from './support.js';

async function until(cond: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(BACKENDS)('nudges through the outbox on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase(backend);
    for (let i = 0; i < 3; i++) await aWorkshop(db, { startsAt: new Date(MONDAY_9.getTime() + (7 + i) * DAY) });
  });
  afterAll(async () => db?.close());

  it('delivers a nudge with its one button; a person who paused or opted out after planning gets nothing', async () => {
    const org = await anOrganization(db);
    const reader = await aMember(db, { name: 'Kees van Dalen', organizationId: org.id, department: 'DIV' });
    const pauser = await aMember(db, { organizationId: org.id, department: 'DIV' });
    const quitter = await aMember(db, { organizationId: org.id, department: 'DIV' });
    const c = await aCampaign(db, { target: { organizations: [org.id] } });
    const clock = new FixedClock(new Date(MONDAY_9.getTime() + 5 * 60_000));
    const core = nudgeCore(db, { clock });
    expect(await new NudgeService(core.ctx).fireCampaign(toCampaign(c), MONDAY_9)).toBe(3);
    await core.bot.text(await core.actor(pauser.id), 'pauze');
    await core.bot.text(await core.actor(quitter.id), 'geen nudges');
    // The planned moment has come (the worker goes by the database clock; the core by the test's clock).
    await db.prisma.outboxMessage.updateMany({ where: { kind: 'nudge.campaign' }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });

    const sender = new RecordingSender('CONSOLE');
    const worker = new OutboxWorker(new OutboxStore(db.prisma), (row, a) => core.bot.compose(row.kind, row.payload, a), createLogger('silent'), undefined, {
      senders: [sender],
      rates: { CONSOLE: Infinity },
      concurrency: 2,
      respectsPause,
      pollMs: 20,
    });
    worker.start();
    try {
      await until(async () => (await nudgeRows(db, { status: { in: ['PENDING', 'SENDING'] } })).length === 0);
    } finally {
      await worker.stop();
    }
    expect(sender.calls).toHaveLength(1);
    const sent = sender.calls[0]!;
    expect(sent.target.userId).toBe(reader.id);
    expect(sent.message.text).toBe('Hoi Kees! Er zijn workshops voor jou.');
    expect(sent.message.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.label) : []))).toEqual(['Bekijk 3 workshops voor jou']);
    const byPerson = new Map((await nudgeRows(db)).map((r) => [r.personId, r.status]));
    expect([byPerson.get(reader.id), byPerson.get(pauser.id), byPerson.get(quitter.id)]).toEqual(['SENT', 'CANCELLED', 'CANCELLED']);
  });
});
