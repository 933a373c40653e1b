import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type Call } from './support/fake-slack.js';
import { startHarness, KEES, type Harness } from './support/harness.js';
import { buttonsIn, click, dmEvent, eventCallback, FORM, JSON_TYPE, postSigned } from './support/slack-requests.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const dm = `D${KEES.id}`;

/** Sends a DM as Kees and returns the bot's next message in that DM. */
async function say(text: string): Promise<Call> {
  const before = h.fake.callsTo('chat.postMessage').length;
  const res = await postSigned(h.events, eventCallback(dmEvent(KEES.id, text)), JSON_TYPE);
  expect(res.status).toBe(200);
  return eventually(() => h.fake.callsTo('chat.postMessage')[before]);
}

async function press(label: string, from: Call) {
  const button = buttonsIn(from.args.blocks).find((b) => b.text.text === label);
  expect(button, `button ${label}`).toBeDefined();
  const ts = String(from.result?.ts ?? from.args.ts);
  const res = await postSigned(h.events, click(KEES.id, button!, { kind: 'dm', channel: dm, ts }, from.args.blocks), FORM);
  expect(res.status).toBe(200);
  return ts;
}

const workshopIdOf = (button: { value?: string }) => (JSON.parse(button.value!) as { w: string }).w;

describe('a conversation in the DM with the bot (Dutch)', () => {
  it('answers help in Dutch, with buttons', async () => {
    const answer = await say('help');
    expect(answer.args.channel).toBe(dm);
    expect(answer.token).toBe('xoxb-test');
    expect(JSON.stringify(answer.args.blocks)).toContain('Wat kan Vliegwiel voor je doen?');
    expect(buttonsIn(answer.args.blocks).map((b) => b.text.text)).toContain('Workshops');
  });

  it('lists workshops, signs up with the button it shows, and cancels with the next one', async () => {
    const list = await say('workshops');
    const blocks = JSON.stringify(list.args.blocks);
    expect(blocks).toContain('Privacy in je dagelijkse werk');
    const signup = buttonsIn(list.args.blocks).find((b) => b.text.text === 'Aanmelden')!;
    const ids = buttonsIn(list.args.blocks).map((b) => b.action_id);
    expect(new Set(ids).size).toBe(ids.length);

    const updatesBefore = h.fake.callsTo('chat.update').length;
    const postsBefore = h.fake.callsTo('chat.postMessage').length;
    const ts = await press('Aanmelden', list);
    // The clicked list is redrawn in place with the notice: that is the whole answer, no copy follows as a message.
    const update = await eventually(() => h.fake.callsTo('chat.update')[updatesBefore]);
    expect(update.args).toMatchObject({ channel: dm, ts });
    expect(String(update.args.text)).toMatch(/^Je bent aangemeld voor/);
    expect(JSON.stringify(update.args.blocks)).toContain('Je bent aangemeld voor');
    // Only the clicked workshop changed: the rest of the list is still there, as it was.
    const others = (list.args.blocks as { block_id?: string }[]).filter((b) => !String(b.block_id).includes(workshopIdOf(signup)));
    expect(update.args.blocks).toEqual(expect.arrayContaining(others));
    await h.channel.idle();
    expect(h.fake.callsTo('chat.postMessage').slice(postsBefore)).toEqual([]);

    const workshopId = workshopIdOf(signup);
    const person = await h.db.prisma.person.findUniqueOrThrow({ where: { email: KEES.email } });
    const row = await h.db.prisma.signup.findFirstOrThrow({ where: { workshopId, personId: person.id } });
    expect(row.status).toBe('CONFIRMED');

    const cancel = buttonsIn(update.args.blocks).find((b) => b.text.text === 'Afmelden' && b.value === signup.value);
    expect(cancel).toBeDefined();
    const res = await postSigned(h.events, click(KEES.id, cancel!, { kind: 'dm', channel: dm, ts }), FORM);
    expect(res.status).toBe(200);
    // Cancelling redraws the list in place with its notice, and is answered once too.
    const cancelled = await eventually(() => h.fake.callsTo('chat.update').find((c) => String(c.args.text).startsWith('Je bent afgemeld')));
    expect(cancelled.args).toMatchObject({ channel: dm, ts });
    await h.channel.idle();
    expect(h.fake.callsTo('chat.postMessage').slice(postsBefore)).toEqual([]);
    const after = await h.db.prisma.signup.findFirstOrThrow({ where: { workshopId, personId: person.id } });
    expect(after.status).not.toBe('CONFIRMED');
  });

  it('pages through a long list with the Volgende button', async () => {
    const list = await say('workshops');
    const next = buttonsIn(list.args.blocks).find((b) => b.text.text === 'Volgende');
    expect(next).toBeDefined();
    const updatesBefore = h.fake.callsTo('chat.update').length;
    await press('Volgende', list);
    const page2 = await eventually(() => h.fake.callsTo('chat.update')[updatesBefore]);
    expect(JSON.stringify(page2.args.blocks)).toContain('Pagina 2');
  });

  it('posts the redrawn list when the clicked message can no longer be edited', async () => {
    const list = await say('workshops');
    h.fake.failOnce('chat.update', 'message_not_found');
    const before = h.fake.callsTo('chat.postMessage').length;
    await press('Volgende', list);
    const posted = await eventually(() => h.fake.callsTo('chat.postMessage').slice(before).find((c) => JSON.stringify(c.args.blocks).includes('Pagina 2')));
    expect(posted.args.channel).toBe(dm);
  });

  it('keeps a reflection conversation: a question, then the answer is stored as typed', async () => {
    const question = await say('reflectie');
    expect(JSON.stringify(question.args.blocks)).toContain('Even nadenken');
    const answer = await say('Ik leerde veel &amp; vroeg &lt;hulp&gt;');
    expect(String(answer.args.text)).not.toContain('Dat begrijp ik niet');
    const person = await h.db.prisma.person.findUniqueOrThrow({ where: { email: KEES.email } });
    const stored = await h.db.prisma.reflection.findFirstOrThrow({ where: { personId: person.id } });
    expect(stored.text).toBe('Ik leerde veel & vroeg <hulp>');
  });

  it('says so in Dutch when it does not understand', async () => {
    await say('pauze');
    await say('start');
    const answer = await say('banaan');
    expect(answer.args.text).toContain('Dat begrijp ik niet');
  });

  it('ignores its own messages and edits', async () => {
    const before = h.fake.calls.length;
    await postSigned(h.events, eventCallback({ ...dmEvent('UBOT', 'help'), bot_id: 'BBOT' }), JSON_TYPE);
    await postSigned(h.events, eventCallback({ ...dmEvent(KEES.id, 'help'), subtype: 'message_changed' }), JSON_TYPE);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.calls.slice(before).filter((c) => c.method === 'chat.postMessage')).toEqual([]);
  });

  it('answers a DM event that leaves out channel_type, and ignores a message in a channel', async () => {
    const { channel_type: _omit, ...bare } = dmEvent(KEES.id, 'help');
    const before = h.fake.callsTo('chat.postMessage').length;
    await postSigned(h.events, eventCallback({ ...dmEvent(KEES.id, 'help'), channel: 'C0GENERAL', channel_type: 'channel' }), JSON_TYPE);
    await postSigned(h.events, eventCallback(bare), JSON_TYPE);
    await h.channel.idle();
    const posts = h.fake.callsTo('chat.postMessage').slice(before);
    expect(posts.map((p) => p.args.channel)).toEqual([dm]);
  });

  it('stores the DM channel for proactive messages', async () => {
    const id = await h.db.prisma.channelIdentity.findFirstOrThrow({ where: { platform: 'SLACK', userId: KEES.id } });
    expect(id.tenantId).toBe('T1');
    expect(id.conversationRef).toEqual({ channel: dm });
  });

  it('reports an unexpected failure in Dutch with a code that is in the log', async () => {
    await h.db.prisma.$executeRawUnsafe('ALTER TABLE "Workshop" RENAME TO "Workshop_gone"');
    try {
      const answer = await say('workshops');
      const code = /code ([0-9a-f]{8})/.exec(String(answer.args.text))?.[1];
      expect(answer.args.text).toContain('Er ging iets mis aan onze kant');
      expect(code).toBeDefined();
      expect(h.logs.some((l) => l.level === 'error' && l.requestId === code)).toBe(true);
    } finally {
      await h.db.prisma.$executeRawUnsafe('ALTER TABLE "Workshop_gone" RENAME TO "Workshop"');
    }
  });
});
