import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type Call } from './support/fake-slack.js';
import { startHarness, KEES, type Harness } from './support/harness.js';
import { dmEvent, eventCallback, JSON_TYPE, postSigned } from './support/slack-requests.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const dm = `D${KEES.id}`;

/** Sends a DM as Kees (in a thread when `threadTs` is given) and returns the bot's next message. */
async function say(text: string, threadTs?: string): Promise<Call> {
  const before = h.fake.callsTo('chat.postMessage').length;
  const event = { ...dmEvent(KEES.id, text), ...(threadTs ? { thread_ts: threadTs } : {}) };
  const res = await postSigned(h.events, eventCallback(event), JSON_TYPE);
  expect(res.status).toBe(200);
  return eventually(() => h.fake.callsTo('chat.postMessage')[before]);
}

const tsOf = (c: Call) => String(c.result?.ts);

async function kees() {
  return h.db.prisma.person.findUniqueOrThrow({ where: { email: KEES.email } });
}

describe('a reply in the thread of a reflection question (Slack)', () => {
  it('answers THAT question, not the one asked last, and thanks in the same thread', async () => {
    const first = await say('reflectie');
    const second = await say('reflectie');
    const person = await kees();
    const [d1, d2] = await h.db.prisma.promptDelivery.findMany({ where: { personId: person.id }, orderBy: { sentAt: 'asc' } });
    expect(d1 && d2).toBeTruthy();
    expect(tsOf(first)).not.toBe(tsOf(second));

    const thanks = await say('Opruimen buiten, samen met de ploeg', tsOf(first));
    expect(thanks.args.thread_ts).toBe(tsOf(first));
    expect(thanks.args.channel).toBe(dm);
    // A follow-up question (scenario prompts) or the thanks: either way no "is dit je antwoord?" guess.
    expect(String(thanks.args.text)).not.toMatch(/Is dit je antwoord/);
    const stored = await h.db.prisma.reflection.findMany({ where: { personId: person.id } });
    expect(stored.map((r) => [r.deliveryId, r.text])).toEqual([[d1!.id, 'Opruimen buiten, samen met de ploeg']]);
    // The question asked last is still open: nothing was stored for it.
    expect((await h.db.prisma.promptDelivery.findUniqueOrThrow({ where: { id: d2!.id } })).status).toBe('SENT');
  });

  it('takes a greeting in the thread as the answer too: the thread is the way in, no guessing', async () => {
    const person = await kees();
    const open = await h.db.prisma.promptDelivery.findFirstOrThrow({ where: { personId: person.id, status: 'SENT' }, orderBy: { sentAt: 'desc' } });
    const question = h.fake.callsTo('chat.postMessage').find((c) => JSON.stringify(c.args.blocks ?? '').includes(open.id))!;
    expect(question).toBeDefined();
    await say('bedankt, ik denk er nog even over na', tsOf(question));
    const stored = await h.db.prisma.reflection.findFirst({ where: { deliveryId: open.id, isFollowUp: false } });
    expect(stored?.text).toBe('bedankt, ik denk er nog even over na');
  });

  it('says the question is closed when its thread is answered again, and stores nothing twice', async () => {
    const person = await kees();
    const answered = await h.db.prisma.promptDelivery.findFirstOrThrow({ where: { personId: person.id }, orderBy: { sentAt: 'asc' } });
    const question = h.fake.callsTo('chat.postMessage').find((c) => JSON.stringify(c.args.blocks ?? '').includes(answered.id))!;
    // Answer the follow-up first if the prompt has one, so the delivery is fully closed.
    const d = await h.db.prisma.promptDelivery.findUniqueOrThrow({ where: { id: answered.id } });
    if (d.status === 'SENT') await say('nog een antwoord op de vervolgvraag', tsOf(question));
    const before = await h.db.prisma.reflection.count({ where: { personId: person.id } });
    const reply = await say('nog een keer', tsOf(question));
    expect(reply.args.thread_ts).toBe(tsOf(question));
    expect(String(reply.args.text)).toContain('al klaar');
    expect(await h.db.prisma.reflection.count({ where: { personId: person.id } })).toBe(before);
  });

  it('reads a reply in the thread of any other message as ordinary text, answered in that thread', async () => {
    const help = await say('help');
    const answer = await say('workshops', tsOf(help));
    expect(answer.args.thread_ts).toBe(tsOf(help));
    expect(JSON.stringify(answer.args.blocks)).toContain('Aanmelden');
  });
});
