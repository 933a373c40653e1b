import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expiresAfter, outboxKinds } from '../../../src/app.js';
import { klusKinds } from '../../../src/core/klussen/outbox-kinds.js';
import { DAY } from '../../../src/core/outbox.js';
import { withdrawFromOutbox } from '../../../src/core/people/leaving.js';
import { workshopKinds } from '../../../src/core/workshops/outbox-kinds.js';
import { openRepositories } from '../../../src/db/index.js';
import { eventually } from './support/fake-slack.js';
import { KEES, PRIYA, startHarness, type Harness } from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const actorOf = (userId: string) => h.core.bot.actorFor({ platform: 'SLACK', tenantId: '', userId });
const person = (email: string) => h.db.prisma.person.findUniqueOrThrow({ where: { email } });
const row = (key: string) => h.db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: key } });

describe('erasure, leaving and stale messages reach the outbox (Slack)', () => {
  it('withdraws what waits for and about an erased person, and cancels what waited past its kind’s expiry', async () => {
    const owner = await person('manager@demo.vliegwiel.nl');
    const klus = await h.db.prisma.klus.findFirstOrThrow({ where: { ownerId: owner.id } });
    await h.db.prisma.klus.update({ where: { id: klus.id }, data: { status: 'OPEN', deadline: new Date(Date.now() + 30 * DAY) } });

    // Priya raises her hand: the owner gets "Priya wil meedoen" — queued while no channel sends.
    const priya = await actorOf(PRIYA.id);
    await h.core.bot.action(priya, { action: 'klus.join', value: klus.id, form: { motivation: 'Ik ken het archief.' } });
    const aboutPriya = await h.db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'klus.candidate', personId: owner.id } });
    expect(aboutPriya.status).toBe('PENDING');

    // A reminder for Kees that was due three days ago (queued before Slack was set up) and one due now.
    const kees = await person(KEES.email);
    const workshop = await h.db.prisma.workshop.findFirstOrThrow({ where: { startsAt: { gt: new Date() } } });
    const repos = openRepositories(h.db);
    const old = new Date(Date.now() - 3 * DAY);
    await repos.outbox.enqueue([
      workshopKinds.reminder.draft({ idempotencyKey: 'stale-reminder', personId: kees.id, payload: { workshopId: workshop.id, when: 'day' }, notBefore: old }),
      klusKinds.match.draft({ idempotencyKey: 'fresh-match', personId: kees.id, payload: { klusId: klus.id } }),
    ]);

    // Priya erases her data in chat.
    await h.core.bot.action(priya, { action: 'data.erase', value: '' });
    const withdrawn = await row(aboutPriya.idempotencyKey);
    expect(withdrawn.status).toBe('CANCELLED');
    expect(withdrawn.lastError).toBe('person erased');

    const worker = h.startWorker(4);
    try {
      await eventually(async () => (await row('fresh-match')).status === 'SENT' && (await row('stale-reminder')).status === 'CANCELLED', 15_000);
    } finally {
      await worker.stop();
    }
    expect((await row('stale-reminder')).lastError).toMatch(/^expired: not sent within 6 h of /);
    const said = JSON.stringify(h.fake.callsTo('chat.postMessage').map((c) => c.args));
    expect(said).not.toContain(PRIYA.name);
    expect(said).not.toMatch(/– wil meedoen|wil meedoen aan je klus/);
    expect(h.fake.callsTo('chat.postMessage').some((c) => c.args.channel === KEES.id || String(c.args.channel).includes(KEES.id))).toBe(true);
  });

  it('withdraws for a person who leaves (deactivation) with its own reason, through the same use case', async () => {
    const kees = await person(KEES.email);
    const repos = openRepositories(h.db);
    await repos.outbox.enqueue([klusKinds.match.draft({ idempotencyKey: 'for-leaver', personId: kees.id, payload: { klusId: 'x' } })]);
    expect(await withdrawFromOutbox(repos.outbox, outboxKinds, kees.id, 'left')).toBeGreaterThanOrEqual(1);
    expect(await row('for-leaver')).toMatchObject({ status: 'CANCELLED', lastError: 'person left' });
  });

  it('gives every outbox kind an expiry', () => {
    for (const k of outboxKinds) expect(k.expiresAfter, k.name).toBeGreaterThan(0);
    expect(expiresAfter('workshop.reminder')).toBeLessThan(DAY);
  });
});
