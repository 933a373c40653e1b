import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/fake-slack.js';
import { startHarness, KEES, PRIYA, type Harness } from './support/harness.js';
import { buttonsIn, click, eventCallback, FORM, homeOpened, JSON_TYPE, postSigned } from './support/slack-requests.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function openHome(user: string) {
  const before = h.fake.callsTo('views.publish').length;
  const res = await postSigned(h.events, eventCallback(homeOpened(user)), JSON_TYPE);
  expect(res.status).toBe(200);
  return eventually(() => h.fake.callsTo('views.publish')[before]);
}

describe('App Home', () => {
  it('publishes the overview in the person’s language when the Home tab opens', async () => {
    const nl = await openHome(KEES.id);
    expect(nl.args.user_id).toBe(KEES.id);
    const view = nl.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view.blocks)).toContain('Mijn overzicht');
    // Never two headers in a row (the overview's title right above a section's own).
    const types = (view.blocks as { type: string }[]).map((b) => b.type);
    expect(types.some((t, i) => t === 'header' && types[i - 1] === 'header')).toBe(false);
    expect(buttonsIn(view.blocks).map((b) => b.text.text)).toContain('Pauze');

    const en = await openHome(PRIYA.id);
    expect(JSON.stringify(en.args.view)).toContain('My overview');
  });

  it('the pause switch redraws the home and pauses the person', async () => {
    const home = await openHome(KEES.id);
    const pause = buttonsIn((home.args.view as { blocks: unknown[] }).blocks).find((b) => b.text.text === 'Pauze')!;
    const before = h.fake.callsTo('views.publish').length;
    const res = await postSigned(h.events, click(KEES.id, pause, { kind: 'home' }), FORM);
    expect(res.status).toBe(200);
    const redrawn = await eventually(() => h.fake.callsTo('views.publish')[before]);
    expect(buttonsIn((redrawn.args.view as { blocks: unknown[] }).blocks).map((b) => b.text.text)).toContain('Weer aanzetten');
    const person = await h.db.prisma.person.findUniqueOrThrow({ where: { email: KEES.email } });
    expect(person.paused).toBe(true);
  });

  it('a navigation button on the home answers in the DM', async () => {
    const home = await openHome(PRIYA.id);
    const workshops = buttonsIn((home.args.view as { blocks: unknown[] }).blocks).find((b) => b.action_id === 'nav.workshops')!;
    const before = h.fake.callsTo('chat.postMessage').length;
    await postSigned(h.events, click(PRIYA.id, workshops, { kind: 'home' }), FORM);
    const post = await eventually(() => h.fake.callsTo('chat.postMessage')[before]);
    expect(post.args.channel).toBe(`D${PRIYA.id}`);
    expect(buttonsIn(post.args.blocks).some((b) => b.text.text === 'Sign up')).toBe(true);
    expect(h.fake.callsTo('conversations.open').some((c) => c.args.users === PRIYA.id)).toBe(true);
  });

  it('does nothing for the Messages tab', async () => {
    const before = h.fake.calls.length;
    await postSigned(h.events, eventCallback({ ...homeOpened(KEES.id), tab: 'messages' }), JSON_TYPE);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.calls.slice(before).map((c) => c.method)).not.toContain('views.publish');
  });
});
